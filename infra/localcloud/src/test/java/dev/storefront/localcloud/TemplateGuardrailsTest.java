package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * template.yaml keeps every {@link TemplateGuardrails} rule; and each rule, fed a small template that breaks it,
 * names the violation - so these checks can fail.
 */
class TemplateGuardrailsTest {

    private static final TemplateGuardrails PROJECT = TemplateGuardrails.load(Path.of("../../template.yaml"));

    static Stream<String> rules() {
        return PROJECT.rules().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void projectTemplate_shouldKeepTheRule(String rule) {
        List<String> violations = PROJECT.rules().get(rule).apply(PROJECT);

        assertThat(violations).as("template.yaml breaks the %s rule", rule).isEmpty();
    }

    private static List<String> check(Function<TemplateGuardrails, List<String>> rule, String yaml) {
        return rule.apply(TemplateGuardrails.parse(yaml));
    }

    /** A function that keeps every rule; tests break one thing at a time. */
    private static final String GOOD_FUNCTION = """
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  AutoPublishAlias: live
                  LoggingConfig:
                    LogGroup: !Ref FnLogs
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms: [!Ref FnErrors, !Ref FnThrottles, !Ref FnDuration]
              FnLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 30
              FnErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Dimensions: [{Name: FunctionName, Value: !Ref Fn}]
              FnThrottles:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Throttles
                  Dimensions: [{Name: FunctionName, Value: !Ref Fn}]
              FnDuration:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Duration
                  Dimensions: [{Name: FunctionName, Value: !Ref Fn}]
            """;

    @Test
    void rules_shouldAcceptAFunctionThatKeepsThem() {
        TemplateGuardrails template = TemplateGuardrails.parse("Resources:\n" + GOOD_FUNCTION);

        template.rules().forEach((name, rule) -> assertThat(rule.apply(template)).as(name).isEmpty());
    }

    // --- log groups ----------------------------------------------------------------------------------------

    @Test
    void logGroups_shouldName_aFunctionWithoutALogGroup_andALogGroupWithoutRetention() {
        List<String> violations = check(TemplateGuardrails::functionLogGroups, """
                Resources:
                  NoGroup:
                    Type: AWS::Serverless::Function
                    Properties: {}
                  Forever:
                    Type: AWS::Serverless::Function
                    Properties:
                      LoggingConfig:
                        LogGroup: !Ref ForeverLogs
                  ForeverLogs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /aws/lambda/forever
                  Named:
                    Type: AWS::Serverless::Function
                    Properties:
                      LoggingConfig:
                        LogGroup: /aws/lambda/named
                """);

        assertThat(violations).containsExactly(
                "NoGroup: log group: no LoggingConfig.LogGroup (Lambda would create one that keeps logs forever)",
                "Forever: log group: ForeverLogs has no RetentionInDays",
                "Named: log group: LoggingConfig.LogGroup is not a !Ref of an AWS::Logs::LogGroup of the template");
    }

    // --- releases ------------------------------------------------------------------------------------------

    @Test
    void releases_shouldName_aFunctionWithoutAliasOrDeploymentPreference() {
        List<String> violations = check(TemplateGuardrails::functionReleases, """
                Resources:
                  Bare:
                    Type: AWS::Serverless::Function
                    Properties: {}
                """);

        assertThat(violations).containsExactly(
                "Bare: release: no AutoPublishAlias (own or from Globals)",
                "Bare: release: no enabled DeploymentPreference (a bad version would take all traffic at once)");
    }

    @Test
    void releases_shouldName_aDisabledOrAlarmlessRelease() {
        List<String> violations = check(TemplateGuardrails::functionReleases, """
                Globals:
                  Function:
                    AutoPublishAlias: live
                    DeploymentPreference:
                      Type: Canary10Percent5Minutes
                Resources:
                  NoAlarms:
                    Type: AWS::Serverless::Function
                    Properties: {}
                  Disabled:
                    Type: AWS::Serverless::Function
                    Properties:
                      DeploymentPreference:
                        Enabled: false
                """);

        assertThat(violations).containsExactly(
                "NoAlarms: release: DeploymentPreference has no Alarms (nothing would roll it back)",
                "Disabled: release: no enabled DeploymentPreference (a bad version would take all traffic at once)");
    }

    @Test
    void releases_shouldName_anAlarmOfAnotherFunction_andAMissingReleaseMetric() {
        List<String> violations = check(TemplateGuardrails::functionReleases, "Resources:\n" + GOOD_FUNCTION + """
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      AutoPublishAlias: live
                      DeploymentPreference:
                        Type: Canary10Percent5Minutes
                        Alarms: [!Ref FnErrors, !Ref OtherThrottles]
                  OtherThrottles:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      MetricName: Throttles
                      Dimensions: [{Name: FunctionName, Value: !Ref Other}]
                """);

        assertThat(violations).containsExactly(
                "Other: release: alarm FnErrors does not watch Other (dimension FunctionName: !Ref Other)",
                "Other: release: no alarm on Duration, Errors of the function");
    }

    @Test
    void releases_shouldName_anHttpFunctionWithoutA5xxAlarm_andAccept_oneWithIt() {
        String http = """
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      AutoPublishAlias: live
                      Events:
                        Get: {Type: HttpApi, Properties: {Path: /things, Method: GET}}
                      DeploymentPreference:
                        Type: Canary10Percent5Minutes
                        Alarms: [!Ref ApiErrors, !Ref ApiThrottles, !Ref ApiDuration%s]
                  ApiErrors:
                    Type: AWS::CloudWatch::Alarm
                    Properties: {MetricName: Errors, Dimensions: [{Name: FunctionName, Value: !Ref Api}]}
                  ApiThrottles:
                    Type: AWS::CloudWatch::Alarm
                    Properties: {MetricName: Throttles, Dimensions: [{Name: FunctionName, Value: !Ref Api}]}
                  ApiDuration:
                    Type: AWS::CloudWatch::Alarm
                    Properties: {MetricName: Duration, Dimensions: [{Name: FunctionName, Value: !Ref Api}]}
                  ApiHttp5xx:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: Storefront
                      MetricName: Http5xx
                      Dimensions: [{Name: Service, Value: !Ref Api}, {Name: Version, Value: "1"}]
                """;

        assertThat(check(TemplateGuardrails::functionReleases, "Resources:\n" + GOOD_FUNCTION + http.formatted("")))
                .containsExactly("Api: release: no alarm on Http5xx of the function");
        assertThat(check(TemplateGuardrails::functionReleases,
                "Resources:\n" + GOOD_FUNCTION + http.formatted(", !Ref ApiHttp5xx"))).isEmpty();
    }

    @Test
    void releases_shouldRequireADeploymentHookToOptOut() {
        List<String> violations = check(TemplateGuardrails::functionReleases, """
                Globals:
                  Function:
                    AutoPublishAlias: live
                    DeploymentPreference:
                      Type: Canary10Percent5Minutes
                      Hooks:
                        PreTraffic: !Ref Hook
                Resources:
                  Hook:
                    Type: AWS::Serverless::Function
                    Properties: {}
                """);

        assertThat(violations).containsExactly("Hook: release: it is a deployment hook and must set "
                + "DeploymentPreference.Enabled: false (a hook cannot gate its own release)");
    }

    // --- IAM -----------------------------------------------------------------------------------------------

    @Test
    void iam_shouldName_dataActionsOnEveryResource_wildcardActions_andUnreviewedManagedPolicies() {
        List<String> violations = check(TemplateGuardrails::iamStatements, """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Policies:
                        - AmazonDynamoDBFullAccess
                        - SQSSendMessagePolicy:
                            QueueName: q
                        - Version: "2012-10-17"
                          Statement:
                            - Sid: ReadAnyTable
                              Effect: Allow
                              Action: [dynamodb:GetItem]
                              Resource: "*"
                            - Sid: Traces
                              Effect: Allow
                              Action: [xray:PutTraceSegments]
                              Resource: "*"
                            - Sid: DenyIsFine
                              Effect: Deny
                              Action: "s3:*"
                              Resource: "*"
                            - !If
                              - SomeCondition
                              - Sid: AnySecret
                                Effect: Allow
                                Action: secretsmanager:GetSecretValue
                                Resource: ["*"]
                              - !Ref AWS::NoValue
                  Admin:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          Effect: Allow
                          Action: "*"
                          Resource: !Sub arn:${AWS::Partition}:s3:::bucket
                  Everything:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                NotAction: iam:*
                                Resource: !Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/k
                              - Effect: Allow
                                Action: ["kms:Decrypt", "sqs:SendMessage"]
                                Resource: "*"
                """);

        assertThat(violations).containsExactly(
                "Fn: IAM: managed policy AmazonDynamoDBFullAccess is not one reviewed to grant no data access",
                "Fn: IAM: statement ReadAnyTable allows data action dynamodb:GetItem on Resource \"*\"",
                "Fn: IAM: statement AnySecret allows data action secretsmanager:GetSecretValue on Resource \"*\"",
                "Admin: IAM: statement allows Action \"*\"",
                "Everything: IAM: statement allows NotAction (everything but a list)",
                "Everything: IAM: statement allows data action kms:Decrypt on Resource \"*\"",
                "Everything: IAM: statement allows data action sqs:SendMessage on Resource \"*\"");
    }

    // --- tables --------------------------------------------------------------------------------------------

    @Test
    void tables_shouldName_eachMissingProtection() {
        List<String> violations = check(TemplateGuardrails::tableProtection, """
                Resources:
                  Unprotected:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: false
                      SSESpecification:
                        SSEEnabled: true
                  Protected:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: true
                      SSESpecification:
                        SSEEnabled: true
                      DeletionProtectionEnabled: true
                  NoSse:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: true
                      DeletionProtectionEnabled: true
                """);

        assertThat(violations).containsExactly(
                "Unprotected: table: no point-in-time recovery (PointInTimeRecoveryEnabled: true)",
                "Unprotected: table: no DeletionProtectionEnabled: true",
                "NoSse: table: no SSESpecification.SSEEnabled: true");
    }

    // --- asynchronous sources ------------------------------------------------------------------------------

    @Test
    void asyncSources_shouldName_aStreamWithoutOnFailure_andAQueueWithoutRedrive() {
        List<String> violations = check(TemplateGuardrails::asyncFailureDestinations, """
                Resources:
                  Consumer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                        Guarded:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                            DestinationConfig:
                              OnFailure:
                                Type: SQS
                                Destination: !GetAtt Dlq.Arn
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Jobs.Arn
                        SafeJobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt SafeJobs.Arn
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties: {}
                  SafeJobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dlq.Arn
                        maxReceiveCount: 5
                  Dlq:
                    Type: AWS::SQS::Queue
                """);

        assertThat(violations).containsExactly(
                "Consumer: async source: DynamoDB event Changes has no DestinationConfig.OnFailure.Destination"
                        + " (failed batches would be lost)",
                "Consumer: async source: SQS event Jobs reads a queue without a RedrivePolicy.deadLetterTargetArn"
                        + " in the template");
    }

    // --- schedules -----------------------------------------------------------------------------------------

    @Test
    void schedules_shouldName_aScheduleWithoutDeadLetterQueue_unlessItsAbsenceIsJustified() {
        List<String> violations = check(TemplateGuardrails::scheduleDeadLetters, """
                Resources:
                  Sweeper:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        EveryMinute:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 minute)
                        Guarded:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)
                            DeadLetterConfig:
                              Type: SQS
                  Heartbeat:
                    Type: AWS::Serverless::Function
                    Metadata:
                      Guardrails:
                        ScheduleWithoutDeadLetterQueue: a missed beat is reported by the next one
                    Properties:
                      Events:
                        Beat:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(1 minute)
                  Nightly:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: cron(0 3 * * ? *)
                      Targets:
                        - Id: report
                          Arn: !GetAtt Sweeper.Arn
                """);

        assertThat(violations).containsExactly(
                "Sweeper: schedule: Schedule event EveryMinute has no DeadLetterConfig and no"
                        + " Metadata.Guardrails.ScheduleWithoutDeadLetterQueue saying why",
                "Nightly: schedule: target report has no DeadLetterConfig and no"
                        + " Metadata.Guardrails.ScheduleWithoutDeadLetterQueue");
    }
}
