print("renkei-bench: not yet")
