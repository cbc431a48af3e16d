// Ctrl-C: the first SIGINT (or SIGTERM) asks the run to stop cleanly: no new document is read,
// the ones in flight are finished and written whole, outputs are closed, and the command exits
// with "interrupted". A second one kills the process at once (default action).
#pragma once

namespace accord {

// Installs the handlers (idempotent). Called by RunExtract.
void InstallInterruptHandler();
// Whether a stop was asked for.
bool InterruptRequested();
// Asks for a stop as SIGINT would (tests), or clears the request.
void RequestInterrupt();
void ClearInterrupt();

}  // namespace accord
