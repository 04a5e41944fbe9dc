import CardiganKit
print("cardigan \(Cardigan.version)")
