// libxml2's streaming reader (xmlTextReader), loaded with dlopen the first time an .xlsx is read.
//
// Why not FoundationXML: it links libxml2 — and through it ICU, lzma and zlib — into every start
// of renkei, although only `import` of a workbook parses XML. Loading those libraries cost each
// command ~0.7 M instructions and ~85 page faults (issue 19's fixed cost). The library is the
// same one FoundationXML wraps; only the moment it is loaded moves.
#ifndef RENKEI_LIBXML_READER_H
#define RENKEI_LIBXML_READER_H
#include <stddef.h>

/// Node kinds the importer reads (xmlReaderTypes in libxml/xmlreader.h).
enum {
    RENKEI_XML_ELEMENT = 1,
    RENKEI_XML_TEXT = 3,
    RENKEI_XML_CDATA = 4,
    RENKEI_XML_SIGNIFICANT_WHITESPACE = 14,
    RENKEI_XML_WHITESPACE = 13,
    RENKEI_XML_END_ELEMENT = 15,
};

/// Loads libxml2 once. 0 when it is there; otherwise -1 with the loader's reason in `reason`.
int renkei_xml_load(char *reason, size_t size);
/// A reader over an in-memory document (not copied: keep `buffer` alive), or NULL.
void *renkei_xml_open(const char *buffer, int size);
/// Advances to the next node: 1 a node, 0 the end, -1 an XML error.
int renkei_xml_next(void *reader);
int renkei_xml_node_type(void *reader);
/// The current node's qualified name (`x:sheet`), or NULL.
const char *renkei_xml_name(void *reader);
/// The current text node's or attribute's value, or NULL.
const char *renkei_xml_value(void *reader);
int renkei_xml_is_empty_element(void *reader);
/// Steps through the element's attributes: 1 moved to the next, 0 none left.
int renkei_xml_next_attribute(void *reader);
/// Back from the attributes to their element.
void renkei_xml_back_to_element(void *reader);
/// The line the parser is on, for error messages.
int renkei_xml_line(void *reader);
void renkei_xml_close(void *reader);

#endif
