package dev.storefront.functions.deployhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lambda in memory: answers each invocation with {@code answer} and remembers what was invoked. */
final class FakeInvoker implements FunctionInvoker {

    record Call(String version, String payload) {
    }

    final List<Call> calls = new ArrayList<>();
    Function<Call, Invocation> answer = call -> {
        throw new IllegalStateException("no answer set");
    };

    @Override
    public Invocation invoke(String version, String payload) {
        Call call = new Call(version, payload);
        calls.add(call);
        return answer.apply(call);
    }
}
