package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerIT {

    @Test
    void server_shouldStopAndRestartOnTheSamePort() {
        try (RedisServer redis = RedisServer.launch()) {
            int port = redis.port();
            long pid = redis.pid();
            assertThat(redis.ping()).isTrue();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);

            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThat(redis.ping()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            redis.start();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.ping()).isTrue();
        }
    }

    @Test
    void close_shouldLeaveNoProcess() {
        RedisServer redis = RedisServer.launch();
        long pid = redis.pid();

        redis.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(redis.ping()).isFalse();
    }

    @Test
    void dataDirectory_shouldHoldTheAppendOnlyFile(@TempDir Path dir) {
        try (RedisServer redis = RedisServer.launch(0, dir, false)) {
            assertThat(redis.ping()).isTrue();
        }
        assertThat(dir.toFile().list()).isNotEmpty();
    }

    @Test
    void pathBinary_shouldBeUsedWhenPreferred_orFallBackToBundled() {
        try (RedisServer redis = RedisServer.launch(0, null, true)) {
            assertThat(redis.ping()).isTrue();
        }
    }
}
