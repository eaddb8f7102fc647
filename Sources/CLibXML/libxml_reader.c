#include "libxml_reader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// The functions' C signatures, as in libxml/xmlreader.h and libxml/parser.h (libxml2 2.9–2.14).
typedef void *(*reader_for_memory_fn)(const char *, int, const char *, const char *, int);
typedef int (*reader_int_fn)(void *);
typedef const unsigned char *(*reader_string_fn)(void *);
typedef void (*reader_free_fn)(void *);
typedef void (*init_fn)(void);
// Error callbacks: xmlGenericErrorFunc (printf-like) and xmlStructuredErrorFunc (an xmlError *).
typedef void (*generic_error_fn)(void *, const char *, ...);
typedef void (*structured_error_fn)(void *, const void *);
typedef void (*set_error_fn)(void *, void *);


// xmlParserOption bits: no network access, no error printing of its own (the importer names the
// part and line itself), CDATA as text. Entities are not substituted (no XML_PARSE_NOENT).
enum { XML_PARSE_NOERROR = 1 << 5, XML_PARSE_NOWARNING = 1 << 6, XML_PARSE_NONET = 1 << 11, XML_PARSE_NOCDATA = 1 << 14 };

static struct {
    reader_for_memory_fn for_memory;
    reader_int_fn read, node_type, is_empty, next_attribute, back_to_element, line;
    reader_string_fn name, value;
    reader_free_fn free_reader;
} api;
static set_error_fn set_generic, set_structured;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[512];

// The importer names the part and line itself (XLSXReadError); libxml2's own words stay unsaid.
static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void silent_structured(void *ctx, const void *error) { (void)ctx; (void)error; }

static void *find(void *lib, const char *symbol) {
    void *f = dlsym(lib, symbol);
    if (!f && !load_failure[0]) snprintf(load_failure, sizeof load_failure, "libxml2 has no %s", symbol);
    return f;
}

static void load(void) {
    // The soname changed with libxml2 2.14; both are the same API for what is used here.
    const char *names[] = { "libxml2.so.2", "libxml2.so.16", "libxml2.so" };
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(load_failure, sizeof load_failure, "%s", why ? why : "libxml2.so.2 not found");
        return;
    }
    init_fn init = (init_fn)find(lib, "xmlInitParser");
    api.for_memory = (reader_for_memory_fn)find(lib, "xmlReaderForMemory");
    api.read = (reader_int_fn)find(lib, "xmlTextReaderRead");
    api.node_type = (reader_int_fn)find(lib, "xmlTextReaderNodeType");
    api.is_empty = (reader_int_fn)find(lib, "xmlTextReaderIsEmptyElement");
    api.next_attribute = (reader_int_fn)find(lib, "xmlTextReaderMoveToNextAttribute");
    api.back_to_element = (reader_int_fn)find(lib, "xmlTextReaderMoveToElement");
    api.line = (reader_int_fn)find(lib, "xmlTextReaderGetParserLineNumber");
    api.name = (reader_string_fn)find(lib, "xmlTextReaderConstName");
    api.value = (reader_string_fn)find(lib, "xmlTextReaderConstValue");
    api.free_reader = (reader_free_fn)find(lib, "xmlFreeTextReader");
    if (load_failure[0]) { memset(&api, 0, sizeof api); return; }
    init();   // once, before any thread parses (libxml2's rule for threaded programs)
    // XML_PARSE_NOERROR does not reach every message: "xmlSAX2Characters: huge text node" (a
    // sheet with a text run over 10 MB) went to stderr beside the importer's own line. The
    // handlers are per thread in libxml2, so they are set for new threads here and for the
    // parsing thread in renkei_xml_open. Optional: a libxml2 without them still parses.
    set_generic = (set_error_fn)dlsym(lib, "xmlSetGenericErrorFunc");
    set_structured = (set_error_fn)dlsym(lib, "xmlSetStructuredErrorFunc");
    set_error_fn thread_default_generic = (set_error_fn)dlsym(lib, "xmlThrDefSetGenericErrorFunc");
    set_error_fn thread_default_structured = (set_error_fn)dlsym(lib, "xmlThrDefSetStructuredErrorFunc");
    if (thread_default_generic) thread_default_generic(NULL, (void *)silent_generic);
    if (thread_default_structured) thread_default_structured(NULL, (void *)silent_structured);
}

int renkei_xml_load(char *reason, size_t size) {
    pthread_once(&load_once, load);
    if (api.for_memory) return 0;
    if (reason && size) snprintf(reason, size, "%s", load_failure);
    return -1;
}

void *renkei_xml_open(const char *buffer, int size) {
    if (!api.for_memory) return NULL;
    if (set_generic) set_generic(NULL, (void *)silent_generic);
    if (set_structured) set_structured(NULL, (void *)silent_structured);
    return api.for_memory(buffer, size, NULL, NULL, XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_NOCDATA);
}

int renkei_xml_next(void *r) { return api.read(r); }
int renkei_xml_node_type(void *r) { return api.node_type(r); }
const char *renkei_xml_name(void *r) { return (const char *)api.name(r); }
const char *renkei_xml_value(void *r) { return (const char *)api.value(r); }
int renkei_xml_is_empty_element(void *r) { return api.is_empty(r) == 1; }
int renkei_xml_next_attribute(void *r) { return api.next_attribute(r) == 1; }
void renkei_xml_back_to_element(void *r) { api.back_to_element(r); }
int renkei_xml_line(void *r) { return api.line(r); }
void renkei_xml_close(void *r) { if (r) api.free_reader(r); }
