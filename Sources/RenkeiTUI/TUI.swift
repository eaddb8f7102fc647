import RenkeiCore
