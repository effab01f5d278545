import DossierCore
print("x")
