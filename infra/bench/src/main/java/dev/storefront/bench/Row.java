package dev.storefront.bench;

import dev.storefront.bench.harness.Stats;

/**
 * The summary of one variant in one JVM mode.
 *
 * @param variant      the variant
 * @param mode         the JVM flags
 * @param wall         process start to first response, ms
 * @param classes      loaded classes (median)
 * @param jvmToMain    JVM start to main, ms (median)
 * @param init         handler construction, ms (median)
 * @param invoke       first handleRequest, ms (median)
 * @param cpu          CPU time of the child process (all threads), ms (median)
 * @param status       the status code every run answered
 * @param medianRatio  median / the bare handler's median in the same mode
 * @param minRatio     minimum / the bare handler's minimum in the same mode
 */
public record Row(String variant, String description, JvmMode mode, Stats wall, double classes, double jvmToMain,
        double init, double invoke, double cpu, int status, double medianRatio, double minRatio) {
}
