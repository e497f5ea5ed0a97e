package dev.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.http.Json;
import org.junit.jupiter.api.Test;

class EventHandlerTest {

    @Test
    void describe_shouldNameTheSourceAndSize_neverTheContent() throws Exception {
        // given
        JsonNode stream = Json.mapper().readTree("{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"dynamodb\":"
                + "{\"NewImage\":{\"email\":{\"S\":\"ada@example.com\"}}}},{\"eventSource\":\"aws:dynamodb\"}]}");
        JsonNode schedule = Json.mapper().readTree("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}");
        JsonNode other = Json.mapper().readTree("{\"secret\":\"hunter2\"}");

        // when / then
        assertThat(EventHandler.describe(stream)).isEqualTo("2 record(s) from aws:dynamodb");
        assertThat(EventHandler.describe(schedule)).isEqualTo("Scheduled Event from aws.events");
        assertThat(EventHandler.describe(other)).isEqualTo("event");
    }
}
