package schemas

//go:generate go run ./gen -shared ../../shared -out gazetteer
