package dev.storefront.bench.probe;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** Writes to stdout, as the Lambda runtime's logger does. */
final class ProbeLogger implements LambdaLogger {

    @Override
    public void log(String message) {
        System.out.print(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.write(message, 0, message.length);
    }
}
