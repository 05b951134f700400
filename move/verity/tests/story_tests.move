#[test_only]
module verity::story_tests;

use verity::test_flows as flows;

#[test]
fun the_story_runs_end_to_end() {
    let (mut scenario, clock) = flows::through_model();
    flows::infer(&mut scenario, &clock);
    flows::end(scenario, clock);
}
