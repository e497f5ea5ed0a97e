package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import org.junit.jupiter.api.Test;

/** CodeDeploy hooks are deployment machinery: the local runner leaves them out, and reads the rest as before. */
class TemplateFunctionsHooksTest {

    @Test
    void read_shouldLeaveOutTheFunctionsNamedAsDeploymentHooks() {
        // given: a hook named in Globals and one named by a function; the hook's environment refers to
        // resources SAM generates, which cannot be resolved locally
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Globals:
                  Function:
                    CodeUri: code.zip
                    AutoPublishAlias: live
                    DeploymentPreference:
                      Type: Canary10Percent5Minutes
                      Hooks:
                        PreTraffic: !Ref PreHook
                Resources:
                  App:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.App::handleRequest
                      DeploymentPreference:
                        Hooks:
                          PostTraffic: !Ref PostHook
                  PreHook:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.Hook::handleRequest
                      DeploymentPreference:
                        Enabled: false
                      Environment:
                        Variables:
                          TARGET: !Sub ${AppDeploymentGroup} ${App}:${App.Version.Version}
                  PostHook:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.Hook::handleRequest
                      DeploymentPreference:
                        Enabled: false
                """);

        // when
        var functions = TemplateFunctions.read(IntrinsicResolver.builder(template).build());

        // then
        assertThat(functions).extracting(FunctionDefinition::logicalId).containsExactly("App");
    }
}
