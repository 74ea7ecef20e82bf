// The shared test helpers (TempFolder, Paths, Golden, running the binary) for every file of this
// target, imported once here so the other files keep their imports as they are.
@_exported import DossierTestSupport
