// The raw primitive behind bench's spawn model: a loop of posix_spawn + wait4 of PROGRAM,
// COUNT times, one at a time. Prints seconds per spawn-and-reap.
// Usage: spawn COUNT PROGRAM [ARGS...]
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
int main(int argc, char **argv) {
    long count = atol(argv[1]);
    double start = now();
    for (long i = 0; i < count; i++) {
        pid_t pid;
        if (posix_spawn(&pid, argv[2], NULL, NULL, &argv[2], environ) != 0) return 1;
        int status;
        struct rusage usage;
        if (wait4(pid, &status, 0, &usage) != pid) return 1;
    }
    printf("%.9f\n", (now() - start) / count);
    return 0;
}
