package dev.storefront.platform.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.StoreConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The handler base as Micronaut Function defines it: the context's lifecycle, injection, the Lambda context. */
class FunctionHandlerTest {

    private ApplicationContext context;
    private EchoHandler handler;

    @BeforeEach
    void start() {
        context = FunctionContexts.builder(Map.of(EnvVars.CURRENCY, "EUR")).start();
        handler = new EchoHandler(context);
        AfterExecutions.EVENTS.clear();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void constructor_shouldInjectTheHandler_fromTheFunctionsConfiguration() {
        assertThat(handler.store.currency()).isEqualTo("EUR");
        assertThat(handler.getApplicationContext()).isSameAs(context);
    }

    @Test
    void handleRequest_shouldRegisterLambdasContext_andPutItsRequestIdInTheLogContext() throws IOException {
        // given
        Context lambda = new FakeContext("req-42");

        // when
        String output = invoke("{\"detail\":1}", lambda);

        // then
        assertThat(output).isEqualTo("{\"awsRequestId\":\"req-42\",\"requestId\":\"req-42\"}");
        assertThat(context.getBean(Context.class)).isSameAs(lambda);
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void handleRequest_shouldPublishAnAfterExecutionEvent_onSuccessAndOnFailure() throws IOException {
        // when
        invoke("{}", new FakeContext("ok-1"));
        assertThatThrownBy(() -> invoke("{\"fail\":true}", new FakeContext("bad-1")))
                .isInstanceOf(IllegalStateException.class);

        // then
        assertThat(AfterExecutions.EVENTS).hasSize(2);
        assertThat(AfterExecutions.EVENTS.get(0).isSuccess()).isTrue();
        assertThat(AfterExecutions.EVENTS.get(1).isSuccess()).isFalse();
        assertThat(AfterExecutions.EVENTS.get(1).getException()).isInstanceOf(IllegalStateException.class);
    }

    private String invoke(String event, Context lambda) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, lambda);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Answers with what the log context held while it ran; fails when the event asks it to. */
    static final class EchoHandler extends EventHandler {

        @Inject
        StoreConfiguration store;

        EchoHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        protected String handle(JsonNode event, Context context) {
            if (event.path("fail").asBoolean()) {
                throw new IllegalStateException("asked to fail");
            }
            return "{\"awsRequestId\":\"" + MDC.get(LambdaLogContext.AWS_REQUEST_ID) + "\",\"requestId\":\""
                    + MDC.get("requestId") + "\"}";
        }
    }

    /** Records the after-execution events of the base. */
    @Singleton
    static final class AfterExecutions implements ApplicationEventListener<AfterExecutionEvent> {

        static final List<AfterExecutionEvent> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(AfterExecutionEvent event) {
            EVENTS.add(event);
        }
    }

    private record FakeContext(String requestId) implements Context {

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return "test-function";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 10_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
