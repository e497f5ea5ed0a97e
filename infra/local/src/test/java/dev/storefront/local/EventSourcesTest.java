package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventSourcesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void rate_shouldParseRateExpressions_only() {
        assertThat(ScheduleRunner.rate("rate(5 minutes)")).contains(Duration.ofMinutes(5));
        assertThat(ScheduleRunner.rate("rate(1 hour)")).contains(Duration.ofHours(1));
        assertThat(ScheduleRunner.rate("rate(2 days)")).contains(Duration.ofDays(2));
        assertThat(ScheduleRunner.rate("cron(0 12 * * ? *)")).isEqualTo(Optional.empty());
    }

    @Test
    void eventPattern_shouldMatchLiteralsPrefixesAndExists() throws Exception {
        JsonNode record = mapper.readTree("""
                {"eventName":"MODIFY","dynamodb":{"NewImage":{"status":{"S":"PAID"},"sk":{"S":"ORDER#1"}}}}""");

        assertThat(EventPattern.matches(mapper.readTree("{\"eventName\":[\"INSERT\",\"MODIFY\"]}"), record)).isTrue();
        assertThat(EventPattern.matches(mapper.readTree("{\"eventName\":[\"REMOVE\"]}"), record)).isFalse();
        assertThat(EventPattern.matches(mapper.readTree(
                "{\"dynamodb\":{\"NewImage\":{\"sk\":{\"S\":[{\"prefix\":\"ORDER#\"}]}}}}"), record)).isTrue();
        assertThat(EventPattern.matches(mapper.readTree(
                "{\"dynamodb\":{\"NewImage\":{\"gone\":[{\"exists\":false}]}}}"), record)).isTrue();
        assertThat(EventPattern.matches(mapper.readTree(
                "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"anything-but\":[\"PAID\"]}]}}}}"), record)).isFalse();
    }

    @Test
    void templateFunctions_shouldMergeGlobalsAndReadEvents() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Globals:
                  Function:
                    Timeout: 7
                    CodeUri: code.zip
                    Environment:
                      Variables:
                        G: global
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties: {}
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          L: !Ref T
                      Events:
                        Api:
                          Type: HttpApi
                          Properties: {Method: get, Path: /x}
                        Default:
                          Type: HttpApi
                          Properties: {Path: $default}
                        S:
                          Type: DynamoDB
                          Properties: {Stream: !GetAtt T.StreamArn, StartingPosition: TRIM_HORIZON,
                                       FilterCriteria: {Filters: [{Pattern: '{"eventName":["INSERT"]}'}]}}
                        Every:
                          Type: ScheduleV2
                          Properties: {ScheduleExpression: rate(1 minute), State: DISABLED}
                """);
        IntrinsicResolver resolver = IntrinsicResolver.builder(template).attributes(new LocalAttributes("us-east-1", "1", 1)).build();

        FunctionDefinition function = TemplateFunctions.read(resolver).get(0);

        assertThat(function.timeoutSeconds()).isEqualTo(7);
        assertThat(function.memoryMb()).isEqualTo(128);
        assertThat(function.codeUri().getFileName().toString()).isEqualTo("code.zip");
        assertThat(function.environment()).containsEntry("G", "global").containsEntry("L", "T");
        assertThat(function.routes()).extracting(HttpRoute::routeKey).containsExactly("GET /x", "$default");
        assertThat(function.streams()).singleElement().satisfies(s -> {
            assertThat(s.table()).isEqualTo("T");
            assertThat(s.startingPosition()).isEqualTo("TRIM_HORIZON");
            assertThat(s.batchSize()).isEqualTo(100);
            assertThat(s.maximumRetryAttempts()).isEqualTo(-1);
            assertThat(s.filterPatterns()).isEqualTo(List.of("{\"eventName\":[\"INSERT\"]}"));
        });
        assertThat(function.schedules()).singleElement().satisfies(s -> assertThat(s.enabled()).isFalse());
    }
}
