package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateTest {

    @Test
    void parse_shouldTurnShortFormTagsIntoLongFormMaps() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Resources:
                  A:
                    Type: AWS::X::Y
                    Properties:
                      Ref: !Ref B
                      Att: !GetAtt B.Endpoint.Address
                      Sub: !Sub "${B}"
                      If: !If [C, !Ref B, !Ref AWS::NoValue]
                      Cond: !Condition C
                      Azs: !GetAZs ''
                      Imp: !ImportValue other
                      Cidr: !Cidr [a, 1, 2]
                      Join: !Join ['-', [a, b]]
                """);

        Map<String, Object> props = template.resources().get("A").properties();

        assertThat(props.get("Ref")).isEqualTo(Map.of("Ref", "B"));
        assertThat(props.get("Att")).isEqualTo(Map.of("Fn::GetAtt", List.of("B", "Endpoint.Address")));
        assertThat(props.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${B}"));
        assertThat(props.get("If")).isEqualTo(Map.of("Fn::If", List.of("C", Map.of("Ref", "B"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(props.get("Cond")).isEqualTo(Map.of("Condition", "C"));
        assertThat(props.get("Azs")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(props.get("Imp")).isEqualTo(Map.of("Fn::ImportValue", "other"));
        assertThat(props.get("Cidr")).isEqualTo(Map.of("Fn::Cidr", List.of("a", 1, 2)));
        assertThat(props.get("Join")).isEqualTo(Map.of("Fn::Join", List.of("-", List.of("a", "b"))));
    }

    @Test
    void load_shouldReadParametersGlobalsConditionsAndResources() {
        CloudFormationTemplate template = FixtureTemplates.load();

        assertThat(template.parameters().get("Stage").defaultValue()).isEqualTo("dev");
        assertThat(template.parameters().get("NoDefault").defaultValue()).isNull();
        assertThat(CloudFormationTemplate.asMap(template.globals().get("Function"))).containsEntry("Timeout", 10);
        assertThat(template.conditions()).containsKeys("IsProd", "IsNotProd");
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).extracting(CloudFormationTemplate.Resource::logicalId)
                .containsExactly("OrdersTable", "NamedTable", "ProdOnlyTable");
        assertThat(template.resources().get("ProdOnlyTable").condition()).isEqualTo("IsProd");
    }
}
