package dev.storefront.platform.log;

import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import java.util.Locale;
import java.util.Map;

/**
 * How the functions write their log lines. {@link #JSON}, one object per line, is what Lambda ships to CloudWatch
 * Logs and what the embedded metrics ride on; {@link #TEXT}, one readable line, is for a developer's console
 * ({@code ./storefront local} selects it unless started with {@code --json-logs}).
 */
public enum LogFormat {

    /** One JSON object per line: time, level, logger, message, the MDC fields and the error with its stack. */
    JSON,

    /**
     * One readable line: local time, function, message, request id; for warnings and errors also the level, the
     * logger and the error's class and where it was thrown - never the error's message, which may carry input.
     */
    TEXT;

    /** Selects the format: {@code json} (the default) or {@code text}. */
    public static final String VARIABLE = EnvVars.LOG_FORMAT;

    /** With {@link #TEXT}: the name the lines give the function (default: {@code AWS_LAMBDA_FUNCTION_NAME}). */
    public static final String LABEL_VARIABLE = EnvVars.LOG_LABEL;

    /** Set by the Lambda runtime (and by {@code sam local}), never by the local runner. */
    static final String LAMBDA_RUNTIME_API = EnvVars.LAMBDA_RUNTIME_API;

    /** The format of the current function's environment ({@link LambdaEnvironment}). */
    public static LogFormat configured() {
        return of(LambdaEnvironment.variables());
    }

    /**
     * The format the variables select. Inside Lambda it is always {@link #JSON}, whatever {@value #VARIABLE} says:
     * CloudWatch Logs parses those lines, and the release alarms' metrics are embedded in them.
     */
    public static LogFormat of(Map<String, String> variables) {
        if (variables.containsKey(LAMBDA_RUNTIME_API)) {
            return JSON;
        }
        String value = variables.get(VARIABLE);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("text") ? TEXT : JSON;
    }
}
