print("renkei")
