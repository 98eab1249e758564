#ifndef CBENCHSYS_H
#define CBENCHSYS_H

/// Asks the kernel to send `signal` to this process when the thread that created it exits
/// (prctl PR_SET_PDEATHSIG). prctl is variadic, so Swift cannot call it directly.
/// Returns 0 on success, -1 with errno set on failure.
int bench_set_parent_death_signal(int signal);

#endif
