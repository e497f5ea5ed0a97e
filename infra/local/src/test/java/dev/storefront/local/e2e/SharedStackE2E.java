package dev.storefront.local.e2e;

import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that run on the shop's shared stack ({@link Stack#shared()}): {@link #stack} is set
 * before the class's own {@code @BeforeAll}. Their tests make their own shoppers, products and orders.
 */
abstract class SharedStackE2E {

    static Stack stack;

    @BeforeAll
    static void useTheSharedStack() {
        stack = Stack.shared();
    }
}
