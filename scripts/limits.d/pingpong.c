// The raw primitive behind handing a task to a worker process: a parent and a child passing an
// 8-byte message back and forth over two pipes, ROUNDS times. Prints seconds per round trip.
// Usage: pingpong ROUNDS
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
int main(int argc, char **argv) {
    long rounds = atol(argv[1]);
    int there[2], back[2];
    if (pipe(there) || pipe(back)) return 1;
    pid_t child = fork();
    if (child == 0) {
        close(there[1]);
        close(back[0]);
        uint64_t v;
        while (read(there[0], &v, 8) == 8) { v++; if (write(back[1], &v, 8) != 8) break; }
        _exit(0);
    }
    close(there[0]);
    close(back[1]);
    uint64_t v = 0;
    double start = now();
    for (long i = 0; i < rounds; i++) {
        if (write(there[1], &v, 8) != 8 || read(back[0], &v, 8) != 8) return 1;
    }
    double wall = now() - start;
    close(there[1]);
    waitpid(child, NULL, 0);
    printf("%.9f\n", wall / rounds);
    return 0;
}
