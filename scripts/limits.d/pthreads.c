// The raw primitive behind bench's threads model: THREADS pthreads taking TASKS tasks from an
// atomic counter, each task sleeping MILLISECONDS (0: doing nothing), then joined.
// Prints wall seconds, CPU seconds and peak RSS bytes; on a failed pthread_create, the error.
// Usage: pthreads THREADS MILLISECONDS [TASKS]   (TASKS defaults to THREADS: one each)
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static long ms, tasks;
static atomic_long next;
static volatile unsigned long sink;
static void *worker(void *arg) {
    long index;
    while ((index = atomic_fetch_add_explicit(&next, 1, memory_order_relaxed)) < tasks) {
        if (ms > 0) {
            struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
            while (nanosleep(&t, &t) == -1 && errno == EINTR) {}
        }
        sink += (unsigned long)index;
    }
    return arg;
}
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
static double cpu(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
int main(int argc, char **argv) {
    long n = atol(argv[1]);
    ms = atol(argv[2]);
    tasks = argc > 3 ? atol(argv[3]) : n;
    pthread_t *threads = calloc(n, sizeof *threads);
    double cpu0 = cpu(), start = now();
    long started = 0;
    for (; started < n; started++) {
        int rc = pthread_create(&threads[started], NULL, worker, NULL);
        if (rc != 0) { fprintf(stderr, "pthread_create %ld: %s\n", started + 1, strerror(rc)); break; }
    }
    for (long i = 0; i < started; i++) pthread_join(threads[i], NULL);
    double wall = now() - start;
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    printf("%f %f %ld\n", wall, cpu() - cpu0, u.ru_maxrss * 1024L);
    return started == n ? 0 : 1;
}
