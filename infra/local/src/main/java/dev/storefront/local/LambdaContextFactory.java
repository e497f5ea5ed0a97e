package dev.storefront.local;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Builds {@code com.amazonaws.services.lambda.runtime.Context} objects as dynamic proxies of the interface
 * loaded by the function's own class loader, so the gateway needs no Lambda library of its own.
 */
final class LambdaContextFactory {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private final FunctionDefinition function;
    private final ClassLoader loader;
    private final Class<?> contextType;
    private final Object logger;
    private final String logStreamName;
    private final String arn;

    LambdaContextFactory(FunctionDefinition function, ClassLoader loader, String region, String accountId) {
        this.function = function;
        this.loader = loader;
        this.contextType = load(CONTEXT);
        Class<?> loggerType = load(LOGGER);
        this.logger = loggerType == null ? null : Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, new LoggerHandler(System.out));
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
        this.arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function.functionName();
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The Context interface as the function sees it, or null if the function does not ship it. */
    Class<?> contextType() {
        return contextType;
    }

    /** A context for one invocation. */
    Object create(String requestId, long deadlineMillis) {
        if (contextType == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getLogGroupName" -> "/aws/lambda/" + function.functionName();
            case "getLogStreamName" -> logStreamName;
            case "getFunctionName" -> function.functionName();
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> arn;
            case "getIdentity", "getClientContext", "getTenantId" -> null;
            case "getRemainingTimeInMillis" -> (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
            case "getMemoryLimitInMB" -> function.memoryMb();
            case "getLogger" -> logger;
            case "getXrayTraceId" -> null;
            case "toString" -> "LocalContext[" + function.functionName() + ", " + requestId + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> invokeDefault(proxy, method, args);
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, handler);
    }

    private static Object invokeDefault(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return null;
    }

    private record LoggerHandler(PrintStream out) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                String text = args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(args[0]);
                out.print(text);
                out.flush();
                return null;
            }
            return switch (method.getName()) {
                case "toString" -> "LocalLambdaLogger";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
            };
        }
    }
}
