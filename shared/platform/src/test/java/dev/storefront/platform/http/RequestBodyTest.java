package dev.storefront.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.error.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodyTest {

    record Sample(String name, Integer quantity, Boolean gift) implements Validatable {
        @Override
        public List<FieldError> validate() {
            return Validatable.requireAll("name", name, "quantity", quantity);
        }
    }

    @Test
    void bodyAs_shouldBindAValidBody() {
        Sample sample = Requests.post("/x", "{\"name\":\"a\",\"quantity\":2,\"gift\":true}").bodyAs(Sample.class);

        assertThat(sample).isEqualTo(new Sample("a", 2, true));
    }

    @Test
    void bodyAs_shouldAnswer415_whenContentTypeIsNotJson() {
        ApiRequest request = Requests.post("/x", "{}", Map.of("content-type", "text/plain"));

        assertThatThrownBy(() -> request.bodyAs(Sample.class))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void bodyAs_shouldAcceptJsonWithCharset() {
        ApiRequest request = Requests.post("/x", "{\"name\":\"a\",\"quantity\":1}",
                Map.of("content-type", "Application/JSON; charset=utf-8"));

        assertThat(request.bodyAs(Sample.class).name()).isEqualTo("a");
    }

    @Test
    void bodyAs_shouldAnswer413_whenBodyExceeds64KiB() {
        String big = "{\"name\":\"" + "x".repeat(64 * 1024) + "\",\"quantity\":1}";

        assertThatThrownBy(() -> Requests.post("/x", big).bodyAs(Sample.class))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void bodyAs_shouldNameTheUnknownField() {
        assertThatThrownBy(() -> Requests.post("/x", "{\"name\":\"a\",\"quantity\":1,\"nmae\":\"b\"}")
                .bodyAs(Sample.class))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("nmae");
                });
    }

    @Test
    void bodyAs_shouldNameMissingFields() {
        assertThatThrownBy(() -> Requests.post("/x", "{\"gift\":false}").bodyAs(Sample.class))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "quantity"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON       | {\"name\":                         | body",
        "empty body           | ''                                  | body",
        "array body           | []                                  | body",
        "null body            | null                                | body",
        "trailing garbage     | {\"name\":\"a\",\"quantity\":1} x   | body",
        "duplicate key        | {\"name\":\"a\",\"name\":\"b\",\"quantity\":1} | body",
        "number for string    | {\"name\":12,\"quantity\":1}        | name",
        "string for number    | {\"name\":\"a\",\"quantity\":\"1\"} | quantity",
        "float for integer    | {\"name\":\"a\",\"quantity\":1.5}   | quantity",
        "huge integer         | {\"name\":\"a\",\"quantity\":99999999999999999999} | quantity",
        "number for boolean   | {\"name\":\"a\",\"quantity\":1,\"gift\":1} | gift",
        "object for string    | {\"name\":{},\"quantity\":1}        | name",
    })
    void bodyAs_shouldAnswer400_forClientMistakes(String label, String body, String field) {
        assertThatThrownBy(() -> Requests.post("/x", body).bodyAs(Sample.class))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    if (!field.equals("body")) {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
                    }
                });
    }
}
