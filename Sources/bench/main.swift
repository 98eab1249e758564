import BenchCLI

// bench itself: the library's entry point with no workloads of its own.
BenchMain.main()
