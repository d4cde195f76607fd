package io.taskflow.functions.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.taskflow.core.event.EventData;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.SampleEvents;
import io.taskflow.core.event.SchemaFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonAgainstAvroTest {
    private static final JsonMapper JSON = ObjectMapper.getDefault();

    /** One field of each kind the checker knows, with the JSON path each problem is reported at. */
    private static final Schema PROBE = new Schema.Parser().parse("""
            {
              "type": "record", "name": "Probe", "namespace": "test",
              "fields": [
                {"name": "count", "type": "int"},
                {"name": "version", "type": "long"},
                {"name": "title", "type": "string"},
                {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
                {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}},
                {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
                {"name": "note", "type": ["null", "string"], "default": null},
                {"name": "nickname", "type": ["null", "string"]},
                {"name": "done", "type": "boolean"},
                {"name": "score", "type": "double"},
                {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [{"name": "at", "type": "string"}]}},
                {"name": "counts", "type": {"type": "map", "values": "long"}}
              ]
            }
            """);

    /** Raw JSON of each field of a valid {@link #PROBE} document, in schema order. */
    private static Map<String, String> validFields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("count", "1");
        fields.put("version", "3000000000");
        fields.put("title", "\"Call the dentist\"");
        fields.put("id", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"");
        fields.put("level", "\"LOW\"");
        fields.put("tags", "[\"work\", \"q1\"]");
        fields.put("note", "\"bring the card\"");
        fields.put("nickname", "\"Ann\"");
        fields.put("done", "true");
        fields.put("score", "1.5");
        fields.put("inner", "{\"at\": \"2026-03-02T10:15:30Z\"}");
        fields.put("counts", "{\"a\": 1, \"b\": 3000000000}");
        return fields;
    }

    private static JsonNode object(Map<String, String> rawFields) {
        return parse(rawFields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}")));
    }

    private static JsonNode with(String field, String rawValue) {
        var fields = validFields();
        fields.put(field, rawValue);
        return object(fields);
    }

    private static JsonNode without(String... absent) {
        var fields = validFields();
        for (String field : absent) {
            fields.remove(field);
        }
        return object(fields);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strict(JsonNode json) {
        return JsonAgainstAvro.problems(PROBE, json, true);
    }

    private static List<String> lenient(JsonNode json) {
        return JsonAgainstAvro.problems(PROBE, json, false);
    }

    @Test
    void givenDataWithEveryFieldOfTheRightType_whenChecked_thenNoProblemIsReportedInEitherMode() {
        JsonNode valid = object(validFields());

        assertThat(strict(valid)).isEmpty();
        assertThat(lenient(valid)).isEmpty();
    }

    @Test
    void givenTheDataOfARealEvent_whenCheckedAgainstItsSchema_thenNoProblemIsReported() throws IOException {
        var event = SampleEvents.of(EventType.TASK_UPDATED, SampleEvents.Variant.FULL);
        JsonNode data = JSON.readValue(JSON.writeValueAsBytes(EventData.of(event)), JsonNode.class);

        assertThat(JsonAgainstAvro.problems(SchemaFiles.load(EventType.TASK_UPDATED, 1), data, true))
                .isEmpty();
    }

    @Test
    void givenARequiredFieldIsMissing_whenChecked_thenItIsReportedAtItsPath() {
        assertThat(strict(without("title"))).containsExactly("$.title: expected a string");
        assertThat(lenient(without("count"))).containsExactly("$.count: expected an int");
    }

    @Test
    void givenARequiredFieldOfANestedRecordIsMissing_whenChecked_thenItIsReportedAtItsNestedPath() {
        assertThat(strict(with("inner", "{}"))).containsExactly("$.inner.at: expected a string");
    }

    @Test
    void givenARequiredFieldHoldsNull_whenChecked_thenItIsReportedAsTheWrongType() {
        assertThat(strict(with("title", "null"))).containsExactly("$.title: expected a string");
    }

    @Test
    void givenSeveralFlaws_whenChecked_thenEachIsReportedNotOnlyTheFirst() {
        var fields = validFields();
        fields.remove("title");
        fields.put("count", "\"one\"");
        fields.put("tags", "[1]");

        assertThat(strict(object(fields)))
                .containsExactlyInAnyOrder(
                        "$.count: expected an int", "$.title: expected a string", "$.tags[0]: expected a string");
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            version  | "5"                                   | $.version: expected a long
            version  | 1.0                                   | $.version: expected a long
            version  | 9223372036854775808                   | $.version: expected a long
            count    | 1.5                                   | $.count: expected an int
            count    | 2147483648                            | $.count: expected an int
            count    | "1"                                   | $.count: expected an int
            title    | 42                                    | $.title: expected a string
            title    | ["a"]                                 | $.title: expected a string
            level    | "MEDIUM"                              | $.level: expected one of [LOW, HIGH]
            level    | "low"                                 | $.level: expected one of [LOW, HIGH]
            level    | 0                                     | $.level: expected one of [LOW, HIGH]
            id       | "not-a-uuid"                          | $.id: expected a UUID
            id       | "7c9e6679-7425-40de-944b-e07fc1f90aeZ" | $.id: expected a UUID
            id       | 7                                     | $.id: expected a string
            done     | "true"                                | $.done: expected a boolean
            score    | "1.5"                                 | $.score: expected a number
            tags     | "work"                                | $.tags: expected an array
            inner    | "2026-03-02T10:15:30Z"                | $.inner: expected an object
            counts   | {"a": "many"}                         | $.counts.a: expected a long
            note     | 5                                     | $.note: matches none of [NULL, STRING]
            nickname | false                                 | $.nickname: matches none of [NULL, STRING]
            """)
    void givenAValueOfTheWrongType_whenChecked_thenItIsReportedAtItsPath(String field, String raw, String problem) {
        JsonNode data = with(field, raw);

        assertThat(strict(data)).containsExactly(problem);
        assertThat(lenient(data)).containsExactly(problem);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            count   | -2147483648
            count   | 2147483647
            version | 7
            version | -9223372036854775808
            version | 9223372036854775807
            score   | 2
            level   | "HIGH"
            id      | "7C9E6679-7425-40DE-944B-E07FC1F90AE7"
            tags    | []
            """)
    void givenABoundaryValueOfTheRightType_whenChecked_thenItIsAccepted(String field, String raw) {
        assertThat(strict(with(field, raw))).isEmpty();
    }

    @Test
    void givenAnArrayHoldingAnItemOfTheWrongType_whenChecked_thenTheItemIsReportedByItsIndex() {
        assertThat(strict(with("tags", "[\"work\", 3, \"q1\"]"))).containsExactly("$.tags[1]: expected a string");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"note", "nickname"})
    void givenANullableUnionField_whenAbsent_thenItIsAccepted(String field) {
        assertThat(strict(without(field))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"note", "nickname"})
    void givenANullableUnionField_whenNull_thenItIsAccepted(String field) {
        assertThat(strict(with(field, "null"))).isEmpty();
    }

    @Test
    void givenAnAbsentFieldWithADefault_whenChecked_thenItIsAccepted() {
        assertThat(strict(without("tags"))).isEmpty();
    }

    @Test
    void givenAFieldTheSchemaDoesNotName_whenCheckedStrictly_thenItIsRefusedAtItsPath() {
        var fields = validFields();
        fields.put("extra", "\"surprise\"");

        assertThat(strict(object(fields))).containsExactly("$.extra: not in schema test.Probe");
    }

    @Test
    void givenAFieldANestedRecordDoesNotName_whenCheckedStrictly_thenItIsRefusedAtItsNestedPath() {
        JsonNode data = with("inner", "{\"at\": \"x\", \"extra\": 1}");

        assertThat(strict(data)).containsExactly("$.inner.extra: not in schema test.Inner");
    }

    @Test
    void givenFieldsTheSchemaDoesNotName_whenCheckedLeniently_thenTheyAreAccepted() {
        var fields = validFields();
        fields.put("extra", "\"surprise\"");
        fields.put("inner", "{\"at\": \"x\", \"addedLater\": {\"deep\": [1, 2]}}");

        assertThat(lenient(object(fields))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void givenDataThatIsNotAnObject_whenCheckedAgainstARecord_thenTheRootIsReported(String json) {
        assertThat(lenient(parse(json))).containsExactly("$: expected an object");
    }
}
