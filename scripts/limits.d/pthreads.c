// The raw primitive behind bench's threads model: N pthreads, each sleeping, joined.
// Prints wall seconds, CPU seconds and peak RSS bytes; on a failed pthread_create, the error.
// Usage: pthreads N MILLISECONDS
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static long ms;
static void *sleeper(void *arg) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) == -1 && errno == EINTR) {}
    return arg;
}
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
int main(int argc, char **argv) {
    long n = atol(argv[1]);
    ms = atol(argv[2]);
    pthread_t *threads = calloc(n, sizeof *threads);
    double start = now();
    long started = 0;
    for (; started < n; started++) {
        int rc = pthread_create(&threads[started], NULL, sleeper, NULL);
        if (rc != 0) { fprintf(stderr, "pthread_create %ld: %s\n", started + 1, strerror(rc)); break; }
    }
    for (long i = 0; i < started; i++) pthread_join(threads[i], NULL);
    double wall = now() - start;
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    printf("%f %f %ld\n", wall,
           u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6,
           u.ru_maxrss * 1024L);
    return started == n ? 0 : 1;
}
