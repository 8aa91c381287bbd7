/* Test shim for Wine 8, whose bcryptprimitives.dll lacks ProcessPrng, which Rust's standard
 * library calls on Windows for random numbers. Placed beside the .exe only in CI, never shipped. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
