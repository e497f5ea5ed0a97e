package dev.storefront.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * One Lambda execution environment: its own class loader (parent: the platform class loader, so nothing of
 * the gateway leaks in) and one handler object. Like a Lambda sandbox it runs one invocation at a time.
 */
final class FunctionInstance implements AutoCloseable {

    private final FunctionDefinition function;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method method;
    private final LambdaContextFactory contexts;

    private FunctionInstance(FunctionDefinition function, URLClassLoader loader, Object handler, Method method,
                             LambdaContextFactory contexts) {
        this.function = function;
        this.loader = loader;
        this.handler = handler;
        this.method = method;
        this.contexts = contexts;
    }

    /** Creates a class loader and runs the handler's constructor (the "init" phase). */
    static FunctionInstance create(FunctionDefinition function, FunctionArtifact artifact, String region, String accountId) {
        URLClassLoader loader = new URLClassLoader("function-" + function.logicalId(),
                artifact.classPath().toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(function.handlerClass(), true, loader);
            Object handler = type.getDeclaredConstructor().newInstance();
            LambdaContextFactory contexts = new LambdaContextFactory(function, loader, region, accountId);
            Method method = streamMethod(type, function.handlerMethod(), contexts.contextType());
            return new FunctionInstance(function, loader, handler, method, contexts);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            closeQuietly(loader);
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException(function.logicalId() + ": cannot initialise handler "
                    + function.handler() + ": " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Method streamMethod(Class<?> type, String name, Class<?> contextType) throws NoSuchMethodException {
        for (Method candidate : type.getMethods()) {
            Class<?>[] params = candidate.getParameterTypes();
            if (candidate.getName().equals(name) && params.length == 3
                    && params[0] == InputStream.class && params[1] == OutputStream.class
                    && (contextType == null || params[2].isAssignableFrom(contextType))) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name
                + "(InputStream, OutputStream, Context): the local gateway runs RequestStreamHandler handlers");
    }

    /** Runs the handler on the calling thread with this instance's class loader as context class loader. */
    byte[] invoke(byte[] payload, String requestId, long deadlineMillis) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            method.invoke(handler, new ByteArrayInputStream(payload), out, contexts.create(requestId, deadlineMillis));
            return out.toByteArray();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    FunctionDefinition function() {
        return function;
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing useful to do: the loader is discarded anyway.
        }
    }
}
