package dev.storefront.localcloud;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML constructor that turns CloudFormation short-form intrinsic tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, ...) into their long-form maps ({@code {"Ref": x}}, {@code {"Fn::GetAtt": [a, b]}}, ...),
 * so the rest of the code only deals with one representation.
 */
final class IntrinsicYamlConstructor extends SafeConstructor {

    private static final List<String> FUNCTIONS = List.of(
            "Sub", "If", "Join", "Select", "Equals", "Not", "And", "Or", "FindInMap", "Split",
            "ImportValue", "Base64", "GetAZs", "Cidr", "Transform", "Length", "ToJsonString");

    IntrinsicYamlConstructor() {
        super(new LoaderOptions());
        yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
        yamlConstructors.put(new Tag("!GetAtt"), new GetAttForm());
        for (String function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
        }
    }

    private Object constructAny(Node node) {
        if (node instanceof ScalarNode scalar) {
            return constructScalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node child : sequence.getValue()) {
                list.add(constructObject(child));
            }
            return list;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (var tuple : ((MappingNode) node).getValue()) {
            map.put(constructObject(tuple.getKeyNode()), constructObject(tuple.getValueNode()));
        }
        return map;
    }

    private final class LongForm extends AbstractConstruct {
        private final String key;

        LongForm(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(key, constructAny(node));
            return map;
        }
    }

    private final class GetAttForm extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object value = constructAny(node);
            if (value instanceof String text) {
                int dot = text.indexOf('.');
                value = dot < 0 ? List.of(text) : Arrays.asList(text.substring(0, dot), text.substring(dot + 1));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("Fn::GetAtt", value);
            return map;
        }
    }
}
