# Thin wrappers around ./dev, which installs what is missing, builds and runs.
.PHONY: run test bench build clean
run:
	./dev run
test:
	./dev test
bench:
	./dev bench
build:
	./dev build
clean:
	rm -rf _build
