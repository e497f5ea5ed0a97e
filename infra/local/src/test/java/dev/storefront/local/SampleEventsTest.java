package dev.storefront.local;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample events of {@code events/} - the files {@code sam local invoke -e} takes and the handler tests use as
 * fixtures - against {@code template.yaml}: every route of the template has a sample; every HTTP sample is, field
 * for field, the event the gateway builds for the request it describes (so its route key is the route that request
 * matches, and its path and query parameters are what that route captures); every other sample is what its
 * function's event source delivers (a stream record its filter lets through, a scheduled event, a deployment hook
 * call); and {@code events/README.md} lists every file with its {@code sam local invoke} line. The checks are
 * also run on small broken inputs, so that each of them can fail.
 */
class SampleEventsTest {

    private static final Path TEMPLATE = Path.of("../../template.yaml");
    private static final Path EVENTS = Path.of("../../events");
    private static final Path DOCUMENT = Path.of("../../docs/openapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the samples name as account and API (any fixed values would do; these are the samples'). */
    private static final String ACCOUNT_ID = "123456789012";
    private static final String API_ID = "a1b2c3d4e5";
    private static final Pattern INVOKE = Pattern.compile("`sam local invoke (\\w+) -e events/(\\S+\\.json)`");
    private static final Pattern JWT = Pattern.compile("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** One file of {@code events/}, by its path below that folder. */
    record Sample(String file, JsonNode event) {

        boolean isHttp() {
            return "2.0".equals(event.path("version").asText()) && event.has("routeKey");
        }
    }

    /** A line of the README's tables: the file, and the function its invoke line names. */
    record Listing(String file, String function, String invokedFile) {
    }

    /** A DynamoDB stream source of a function: the table's logical id and its filter patterns. */
    record TableStream(String table, List<String> filterPatterns) {
    }

    /** What a function of the template is invoked by. */
    record TemplateFunction(String logicalId, Set<String> eventTypes, List<TableStream> streams, boolean deploymentHook) {
    }

    // --- the repository's files ---------------------------------------------------------------------------------

    @Test
    void everyRouteOfTheTemplate_shouldHaveASample() {
        // given
        List<HttpRoute> routes = templateRoutes(CloudFormationTemplate.load(TEMPLATE));

        // when
        Set<String> missing = routesWithoutSample(routes, samples());

        // then
        assertThat(routes).as("the template's routes were read").hasSizeGreaterThan(20);
        assertThat(missing).as("routes of template.yaml without a sample event in events/").isEmpty();
    }

    @Test
    void everyHttpSample_shouldBeTheEventTheGatewayBuildsForItsRequest_onARouteOfTheTemplate() {
        // given
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.load(TEMPLATE)));
        ApiDocument document = ApiDocument.load(DOCUMENT);
        List<Sample> http = samples().stream().filter(Sample::isHttp).toList();

        // when
        List<String> problems = http.stream().flatMap(sample -> httpProblems(table, document, sample).stream()).toList();

        // then
        assertThat(http).as("the HTTP samples were read").hasSizeGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOtherSample_shouldBeWhatItsFunctionsEventSourceDelivers() {
        // given
        Map<String, TemplateFunction> functions = functions(CloudFormationTemplate.load(TEMPLATE));
        List<Listing> listings = listings(readme());
        List<Sample> others = samples().stream().filter(sample -> !sample.isHttp()).toList();

        // when
        List<String> problems = others.stream()
                .flatMap(sample -> sourceProblems(functions, listings, sample).stream()).toList();

        // then
        assertThat(others).as("the stream, schedule and hook samples were read").hasSizeGreaterThanOrEqualTo(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void readme_shouldListEverySample_withTheInvokeLineOfItsFunction_andEveryFunctionShouldHaveOne() {
        // given
        CloudFormationTemplate template = CloudFormationTemplate.load(TEMPLATE);

        // when
        List<String> problems = listingProblems(functions(template), templateRoutes(template), samples(),
                listings(readme()));

        // then
        assertThat(problems).isEmpty();
    }

    // --- the checks, on inputs made to fail them ------------------------------------------------------------------

    private static final String TEMPLATE_TEXT = """
            Globals:
              Function:
                DeploymentPreference:
                  Hooks:
                    PreTraffic: !Ref Hook
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get:
                      Type: HttpApi
                      Properties: {Method: GET, Path: '/orders/{orderId}'}
                    Cancel:
                      Type: HttpApi
                      Properties: {Method: POST, Path: '/orders/{orderId}/cancel'}
                    Default:
                      Type: HttpApi
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Paid:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Orders.StreamArn
                        FilterCriteria:
                          Filters:
                            - Pattern: '{"dynamodb": {"NewImage": {"status": {"S": ["PAID"]}}}}'
                    Sweep:
                      Type: Schedule
                      Properties: {Schedule: 'rate(1 minute)'}
              Hook:
                Type: AWS::Serverless::Function
            """;

    private static final String DOCUMENT_TEXT = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /orders/{orderId}:
                get: {security: [], responses: {"200": {description: ok}}}
              /orders/{orderId}/cancel:
                post: {security: [{bearer: []}], responses: {"200": {description: ok}}}
            """;

    private static ObjectNode httpEvent(String method, String rawPath, String routeKey) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("host", API_ID + ".execute-api.us-east-1.amazonaws.com");
        headers.put("x-amzn-trace-id", "Root=1-6b02c0c6-1c2d3e4f5a6b7c8d9e0f1a2b");
        headers.put("x-forwarded-for", "203.0.113.10");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", API_ID + ".execute-api.us-east-1.amazonaws.com");
        context.put("domainPrefix", API_ID);
        context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.10").put("userAgent", "");
        context.put("requestId", "VqL1rFdJIAMEbKw=");
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", "22/Nov/2026:10:15:34 +0000");
        context.put("timeEpoch", 1795342534000L);
        event.put("isBase64Encoded", false);
        String id = rawPath.split("/").length > 2 ? rawPath.split("/")[2] : null;
        if (id != null && !routeKey.equals(HttpRoute.DEFAULT)) {
            event.putObject("pathParameters").put("orderId", id);
        }
        return event;
    }

    @Test
    void routesWithoutSample_shouldNameEachRouteThatNoSampleMatches_theDefaultRouteIncluded() {
        List<HttpRoute> routes = templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT));
        List<Sample> samples = List.of(new Sample("a.json", httpEvent("GET", "/orders/1", "GET /orders/{orderId}")));

        assertThat(routesWithoutSample(routes, samples))
                .containsExactly("$default", "POST /orders/{orderId}/cancel");
    }

    @Test
    void httpProblems_shouldBeNone_forTheEventTheGatewayBuilds() {
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT)));
        ApiDocument document = ApiDocument.parse(DOCUMENT_TEXT);

        assertThat(httpProblems(table, document, new Sample("get.json",
                httpEvent("GET", "/orders/1", "GET /orders/{orderId}")))).isEmpty();
        assertThat(httpProblems(table, document, new Sample("default.json",
                httpEvent("DELETE", "/orders", HttpRoute.DEFAULT)))).isEmpty();
    }

    @Test
    void httpProblems_shouldNameTheSample_whenItsRouteKeyIsNotTheRouteItsRequestMatches() {
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT)));
        ObjectNode event = httpEvent("GET", "/orders/1/cancel", "GET /orders/{orderId}");

        assertThat(httpProblems(table, ApiDocument.parse(DOCUMENT_TEXT), new Sample("wrong.json", event)))
                .singleElement().asString().contains("wrong.json", "GET /orders/1/cancel", "$default");
    }

    @Test
    void httpProblems_shouldNameEachField_thatDiffersFromTheBuiltEvent() {
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT)));
        ObjectNode event = httpEvent("GET", "/orders/1", "GET /orders/{orderId}");
        ((ObjectNode) event.path("pathParameters")).put("orderId", "2");
        event.put("rawQueryString", "limit=5");
        ((ObjectNode) event.path("headers")).put("Accept", "application/json");

        assertThat(httpProblems(table, ApiDocument.parse(DOCUMENT_TEXT), new Sample("drift.json", event)))
                .anySatisfy(problem -> assertThat(problem).contains("drift.json", "/pathParameters/orderId"))
                .anySatisfy(problem -> assertThat(problem).contains("drift.json", "/queryStringParameters"))
                .anySatisfy(problem -> assertThat(problem).contains("drift.json", "lower case", "Accept"));
    }

    @Test
    void httpProblems_shouldRequireABearerToken_onProtectedOperations_andNoneOnPublicOnes() {
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT)));
        ApiDocument document = ApiDocument.parse(DOCUMENT_TEXT);
        ObjectNode cancel = httpEvent("POST", "/orders/1/cancel", "POST /orders/{orderId}/cancel");
        ObjectNode get = httpEvent("GET", "/orders/1", "GET /orders/{orderId}");
        ((ObjectNode) get.path("headers")).put("authorization", "Bearer a.b.c");

        assertThat(httpProblems(table, document, new Sample("cancel.json", cancel)))
                .singleElement().asString().contains("cancel.json", "authorization");
        assertThat(httpProblems(table, document, new Sample("get.json", get)))
                .singleElement().asString().contains("get.json", "public", "authorization");
    }

    @Test
    void httpProblems_shouldRequireTheContentLengthOfTheBody() {
        RouteTable table = new RouteTable(templateRoutes(CloudFormationTemplate.parse(TEMPLATE_TEXT)));
        ObjectNode event = httpEvent("POST", "/orders/1/cancel", "POST /orders/{orderId}/cancel");
        ((ObjectNode) event.path("headers")).put("authorization", "Bearer a.b.c")
                .put("content-type", "application/json").put("content-length", "3");
        event.put("body", "{\"é\":1}");

        assertThat(httpProblems(table, ApiDocument.parse(DOCUMENT_TEXT), new Sample("body.json", event)))
                .singleElement().asString().contains("body.json", "content-length", "8 bytes");
    }

    @Test
    void sourceProblems_shouldAcceptWhatEachSourceDelivers_andNameWhatItWouldNot() throws IOException {
        Map<String, TemplateFunction> functions = functions(CloudFormationTemplate.parse(TEMPLATE_TEXT));
        JsonNode paid = JSON.readTree("""
                {"Records":[{"eventSource":"aws:dynamodb","eventName":"MODIFY",
                 "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/s-Orders-1A/stream/2026",
                 "dynamodb":{"Keys":{"orderId":{"S":"1"}},"NewImage":{"status":{"S":"PAID"}}}}]}""");
        JsonNode unpaid = JSON.readTree(paid.toString().replace("PAID", "CANCELLED"));
        JsonNode schedule = JSON.readTree("""
                {"version":"0","detail-type":"Scheduled Event","source":"aws.events","detail":{}}""");
        JsonNode hook = JSON.readTree("{\"DeploymentId\":\"d-1\",\"LifecycleEventHookExecutionId\":\"e-1\"}");
        List<Listing> listings = List.of(new Listing("paid.json", "Worker", "paid.json"),
                new Listing("unpaid.json", "Worker", "unpaid.json"), new Listing("sweep.json", "Worker", "sweep.json"),
                new Listing("hook.json", "Hook", "hook.json"), new Listing("wrong-hook.json", "Worker", "wrong-hook.json"),
                new Listing("odd.json", "Worker", "odd.json"));

        assertThat(sourceProblems(functions, listings, new Sample("paid.json", paid))).isEmpty();
        assertThat(sourceProblems(functions, listings, new Sample("sweep.json", schedule))).isEmpty();
        assertThat(sourceProblems(functions, listings, new Sample("hook.json", hook))).isEmpty();
        assertThat(sourceProblems(functions, listings, new Sample("unpaid.json", unpaid)))
                .singleElement().asString().contains("unpaid.json", "FilterCriteria");
        assertThat(sourceProblems(functions, listings, new Sample("wrong-hook.json", hook)))
                .singleElement().asString().contains("wrong-hook.json", "Worker", "deployment hook");
        assertThat(sourceProblems(functions, listings, new Sample("odd.json", JSON.readTree("{\"a\":1}"))))
                .singleElement().asString().contains("odd.json", "not a");
    }

    @Test
    void listingProblems_shouldNameUnlistedFiles_wrongFunctions_andFunctionsWithoutASample() throws IOException {
        CloudFormationTemplate template = CloudFormationTemplate.parse(TEMPLATE_TEXT);
        List<Sample> samples = List.of(new Sample("api/get.json", httpEvent("GET", "/orders/1", "GET /orders/{orderId}")),
                new Sample("api/cancel.json", httpEvent("POST", "/orders/1/cancel", "POST /orders/{orderId}/cancel")),
                new Sample("worker/sweep.json", JSON.readTree("{\"source\":\"aws.events\"}")));
        List<Listing> listings = listings("""
                | `api/get.json` | `GET /orders/{orderId}` | `sam local invoke Worker -e events/api/get.json` | x |
                | `worker/sweep.json` | schedule | `sam local invoke Worker -e events/worker/other.json` | x |
                | `gone.json` | - | `sam local invoke Api -e events/gone.json` | x |
                """);

        List<String> problems = listingProblems(functions(template), templateRoutes(template), samples, listings);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("api/get.json", "Worker", "Api"))
                .anySatisfy(p -> assertThat(p).contains("api/cancel.json", "not listed"))
                .anySatisfy(p -> assertThat(p).contains("worker/sweep.json", "other.json"))
                .anySatisfy(p -> assertThat(p).contains("gone.json", "no such file"))
                .anySatisfy(p -> assertThat(p).contains("Hook", "no sample"));
    }

    // --- reading ----------------------------------------------------------------------------------------------------

    private static List<HttpRoute> templateRoutes(CloudFormationTemplate template) {
        return TemplateFunctions.httpRoutes(IntrinsicResolver.builder(template).build());
    }

    /** Every function of the template with the types of its events, its stream sources and whether it is a hook. */
    static Map<String, TemplateFunction> functions(CloudFormationTemplate template) {
        Map<String, Object> globals = template.globals().get("Function") == null
                ? Map.of() : asMap(template.globals().get("Function"));
        Set<String> hooks = TemplateFunctions.deploymentHooks(template, globals);
        Map<String, TemplateFunction> functions = new LinkedHashMap<>();
        for (CloudFormationTemplate.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            Set<String> types = new TreeSet<>();
            List<TableStream> streams = new ArrayList<>();
            Object events = resource.properties().get("Events");
            if (events != null) {
                asMap(events).values().forEach(raw -> {
                    Map<String, Object> event = asMap(raw);
                    String type = String.valueOf(event.get("Type"));
                    types.add(type);
                    if (type.equals("DynamoDB")) {
                        streams.add(stream(asMap(event.get("Properties"))));
                    }
                });
            }
            functions.put(resource.logicalId(), new TemplateFunction(resource.logicalId(), types, streams,
                    hooks.contains(resource.logicalId())));
        }
        return functions;
    }

    private static TableStream stream(Map<String, Object> properties) {
        Object getAtt = asMap(properties.get("Stream")).get("Fn::GetAtt");
        String table = getAtt instanceof String text ? text.split("\\.")[0] : String.valueOf(asList(getAtt).get(0));
        List<String> patterns = new ArrayList<>();
        if (properties.get("FilterCriteria") != null) {
            asList(asMap(properties.get("FilterCriteria")).get("Filters"))
                    .forEach(filter -> patterns.add(String.valueOf(asMap(filter).get("Pattern"))));
        }
        return new TableStream(table, patterns);
    }

    /** Every JSON file below {@code events/}; a file that is not JSON fails the test that reads it, naming it. */
    private static List<Sample> samples() {
        try (java.util.stream.Stream<Path> files = Files.walk(EVENTS)) {
            List<Sample> samples = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = EVENTS.relativize(file).toString().replace('\\', '/');
                try {
                    samples.add(new Sample(name, JSON.readTree(file.toFile())));
                } catch (IOException e) {
                    throw new AssertionError("events/" + name + " is not valid JSON: " + e.getMessage(), e);
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readme() {
        try {
            return Files.readString(EVENTS.resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table rows of the README that name a sample file: {@code | `file` | ... | `sam local invoke ...` | ...}. */
    static List<Listing> listings(String readme) {
        List<Listing> listings = new ArrayList<>();
        for (String line : readme.split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| `") || cells.length < 4 || !cells[1].strip().endsWith(".json`")) {
                continue;
            }
            String file = cells[1].strip().replace("`", "");
            Matcher invoke = INVOKE.matcher(line);
            listings.add(invoke.find() ? new Listing(file, invoke.group(1), invoke.group(2)) : new Listing(file, null, null));
        }
        return listings;
    }

    // --- the checks -------------------------------------------------------------------------------------------------

    /** Route keys of the template (sorted) that no HTTP sample has as its route key. */
    static Set<String> routesWithoutSample(List<HttpRoute> routes, List<Sample> samples) {
        Set<String> missing = new TreeSet<>();
        routes.forEach(route -> missing.add(route.routeKey()));
        samples.stream().filter(Sample::isHttp).forEach(sample -> missing.remove(sample.event().path("routeKey").asText()));
        return missing;
    }

    /**
     * What is wrong with an HTTP sample: its request must match its route key in the template's route table, and
     * the sample must equal the event the gateway builds for that request (same request id and time); header names
     * are lower case; {@code content-length} is the body's byte length; a protected operation of the API document
     * needs a bearer token and a public one has none.
     */
    static List<String> httpProblems(RouteTable table, ApiDocument document, Sample sample) {
        List<String> problems = new ArrayList<>();
        JsonNode event = sample.event();
        String name = "events/" + sample.file();
        String method = event.path("requestContext").path("http").path("method").asText();
        String rawPath = event.path("rawPath").asText();
        String routeKey = event.path("routeKey").asText();
        RouteTable.Match match = table.match(method, rawPath).orElse(null);
        String matched = match == null ? "no route" : match.route().routeKey();
        if (!matched.equals(routeKey)) {
            problems.add(name + ": " + method + " " + rawPath + " matches " + matched + " in template.yaml, but its routeKey is "
                    + routeKey);
            return problems;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        event.path("headers").properties().forEach(header -> {
            headers.put(header.getKey(), List.of(header.getValue().asText()));
            if (!header.getKey().equals(header.getKey().toLowerCase(Locale.ROOT))) {
                problems.add(name + ": header names are lower case in API Gateway's events, not " + header.getKey());
            }
        });
        byte[] body = new byte[0];
        if (event.has("body")) {
            String text = event.path("body").asText();
            body = event.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
            String length = event.path("headers").path("content-length").asText(null);
            if (!String.valueOf(body.length).equals(length)) {
                problems.add(name + ": content-length is " + length + ", the body has " + body.length + " bytes");
            }
        }
        JsonNode context = event.path("requestContext");
        HttpRequestData request = new HttpRequestData(method, rawPath, event.path("rawQueryString").asText(), headers,
                body, context.path("http").path("sourceIp").asText(), context.path("http").path("protocol").asText());
        ObjectNode built = new HttpApiEvents(JSON, ACCOUNT_ID, API_ID).build(request, match,
                context.path("requestId").asText(), Instant.ofEpochMilli(context.path("timeEpoch").asLong()));
        differences("", built, event, problems, name);

        document.operations().stream().filter(operation -> operation.routeKey().equals(routeKey)).findFirst()
                .ifPresent(operation -> {
                    JsonNode security = operation.node().has("security")
                            ? operation.node().path("security") : document.tree().path("security");
                    boolean secured = security.isArray() && !security.isEmpty() && !security.path(0).isEmpty();
                    String authorization = event.path("headers").path("authorization").asText(null);
                    if (secured && (authorization == null || !JWT.matcher(authorization).matches())) {
                        problems.add(name + ": " + routeKey + " needs a token: an authorization header "
                                + "'Bearer <JWT>' (a placeholder, see events/README.md)");
                    } else if (!secured && authorization != null) {
                        problems.add(name + ": " + routeKey + " is public (security: []), the sample should send no "
                                + "authorization header");
                    }
                });
        return problems;
    }

    /** Adds a problem for every field where the sample differs from the event the gateway built. */
    private static void differences(String at, JsonNode built, JsonNode sample, List<String> problems, String name) {
        if (built.isObject() && sample.isObject()) {
            Set<String> fields = new TreeSet<>();
            built.fieldNames().forEachRemaining(fields::add);
            sample.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                differences(at + "/" + field, built.path(field), sample.path(field), problems, name);
            }
        } else if (!built.equals(sample)) {
            problems.add(name + ": " + at + " is " + (sample.isMissingNode() ? "missing" : sample)
                    + ", the gateway builds " + (built.isMissingNode() ? "none" : built) + " for this request");
        }
    }

    /** What is wrong with a stream, schedule or hook sample, given the function the README invokes it with. */
    static List<String> sourceProblems(Map<String, TemplateFunction> functions, List<Listing> listings, Sample sample) {
        List<String> problems = new ArrayList<>();
        String name = "events/" + sample.file();
        JsonNode event = sample.event();
        TemplateFunction function = listings.stream().filter(l -> l.file().equals(sample.file())).findFirst()
                .map(l -> functions.get(l.function())).orElse(null);
        if (function == null) {
            problems.add(name + ": not invoked with a function of template.yaml in events/README.md");
            return problems;
        }
        if (event.path("Records").isArray() && !event.path("Records").isEmpty()
                && event.path("Records").path(0).path("eventSource").asText().equals("aws:dynamodb")) {
            if (function.streams().isEmpty()) {
                problems.add(name + ": a DynamoDB stream event, but " + function.logicalId() + " reads no stream");
            }
            for (JsonNode record : event.path("Records")) {
                boolean delivered = function.streams().stream().anyMatch(stream ->
                        record.path("eventSourceARN").asText().contains("-" + stream.table() + "-")
                                && (stream.filterPatterns().isEmpty() || stream.filterPatterns().stream()
                                .anyMatch(pattern -> EventPattern.matches(readTree(pattern), record))));
                if (!delivered) {
                    problems.add(name + ": record " + record.path("eventID").asText() + " is not one Lambda delivers to "
                            + function.logicalId() + " (the table of its eventSourceARN, or its FilterCriteria)");
                }
            }
        } else if (event.path("source").asText().equals("aws.events")
                && event.path("detail-type").asText().equals("Scheduled Event")) {
            if (!function.eventTypes().contains("Schedule") && !function.eventTypes().contains("ScheduleV2")) {
                problems.add(name + ": a scheduled event, but " + function.logicalId() + " has no schedule");
            }
        } else if (event.has("DeploymentId") && event.has("LifecycleEventHookExecutionId")) {
            if (!function.deploymentHook()) {
                problems.add(name + ": a CodeDeploy lifecycle hook event, but " + function.logicalId()
                        + " is not a deployment hook of template.yaml");
            }
        } else {
            problems.add(name + ": not an HTTP API, DynamoDB stream, scheduled or CodeDeploy hook event");
        }
        return problems;
    }

    /**
     * What is wrong with the README's listing: every file listed once, with an invoke line of that same file; an
     * HTTP sample invoked with the function that serves its route; no listed file missing; a sample for every
     * function of the template.
     */
    static List<String> listingProblems(Map<String, TemplateFunction> functions, List<HttpRoute> routes, List<Sample> samples,
                                        List<Listing> listings) {
        List<String> problems = new ArrayList<>();
        Map<String, String> servedBy = new LinkedHashMap<>();
        routes.forEach(route -> servedBy.put(route.routeKey(), route.function()));
        Set<String> files = new TreeSet<>();
        samples.forEach(sample -> files.add(sample.file()));
        Set<String> sampled = new TreeSet<>();
        for (Sample sample : samples) {
            List<Listing> rows = listings.stream().filter(l -> l.file().equals(sample.file())).toList();
            if (rows.size() != 1) {
                problems.add("events/" + sample.file() + ": not listed in events/README.md" + (rows.isEmpty() ? "" : " once"));
                continue;
            }
            Listing row = rows.get(0);
            if (row.function() == null || !row.file().equals(row.invokedFile())) {
                problems.add("events/README.md: the row of " + sample.file() + " needs `sam local invoke <LogicalId> -e events/"
                        + sample.file() + "`, not " + row.invokedFile());
            }
            if (row.function() != null && !functions.containsKey(row.function())) {
                problems.add("events/README.md: " + sample.file() + " is invoked with " + row.function()
                        + ", not a function of template.yaml");
            }
            if (sample.isHttp()) {
                String serving = servedBy.get(sample.event().path("routeKey").asText());
                if (serving != null && !serving.equals(row.function())) {
                    problems.add("events/README.md: " + sample.file() + " is invoked with " + row.function()
                            + ", but " + serving + " serves " + sample.event().path("routeKey").asText());
                }
            }
            sampled.add(row.function());
        }
        listings.stream().filter(l -> !files.contains(l.file()))
                .forEach(l -> problems.add("events/README.md lists " + l.file() + ": no such file in events/"));
        functions.keySet().stream().filter(f -> !sampled.contains(f))
                .forEach(f -> problems.add(f + ": no sample event in events/ (listed in events/README.md)"));
        return problems;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
