package dev.storefront.bench;

/**
 * One fresh JVM: wall time from just before the process start to the probe's {@code RESPONSE} line, and the
 * probe's own timestamps (JVM start as the management API records it, main entered, handler constructed,
 * response written).
 *
 * @param wallMillis    process start to first response, measured by the parent
 * @param status        the response's statusCode
 * @param loadedClasses classes loaded by the JVM in total, read right after the response
 * @param jvmToMainMillis JVM start to the probe's main
 * @param initMillis    the handler's constructor (the function's init)
 * @param invokeMillis  the first handleRequest
 * @param cpuMillis     CPU time of the whole child process (all threads) right after the response
 * @param primeMillis   the SnapStart hooks (priming and restore) run after the constructor; 0 when not primed
 * @param firstInvokeMillis the first handleRequest, timed with the monotonic clock
 */
public record Measurement(double wallMillis, int status, long loadedClasses, long jvmToMainMillis, long initMillis,
        long invokeMillis, double cpuMillis, double primeMillis, double firstInvokeMillis) {
}
