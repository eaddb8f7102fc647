import CNcursesw
import RenkeiTUI
