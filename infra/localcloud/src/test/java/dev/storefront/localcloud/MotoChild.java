package dev.storefront.localcloud;

/**
 * A parent process for {@link MotoServerIT}: starts the JVM's shared moto, prints {@code MOTO_PID <pid>} and
 * waits until it is killed, so that the test can end it in each way a parent ends and look for the child.
 */
public final class MotoChild {

    private MotoChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        MotoServer server = MotoServer.shared();
        System.out.println("MOTO_PID " + server.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
