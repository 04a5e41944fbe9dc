/* A process that loads libgit2 and initialises it, and does nothing else: the floor under every
 * cardigan process (Benchmarks/run.py floor). In Debian's libgit2 1.5 build (mbedTLS),
 * git_libgit2_init parses the system's CA bundle. */
#include <git2.h>

int main(void)
{
	if (git_libgit2_init() < 0)
		return 1;
	git_libgit2_shutdown();
	return 0;
}
