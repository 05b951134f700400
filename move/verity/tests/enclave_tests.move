#[test_only]
module verity::enclave_tests;

use std::string::String;
use sui::clock::Clock;
use sui::nitro_attestation;
use sui::test_scenario::{Self as ts, Scenario};
use verity::attestation;
use verity::attester::{Self, Attester, AttesterRegistry};
use verity::enclave::{Self, EnclaveConfig};
use verity::test_flows::{Self as flows, str};
use verity::test_signatures as sig;

// A real AWS Nitro attestation document and what it measured: the payload of the first test
// (`test_nitro_attestation`, the example weather enclave of https://github.com/MystenLabs/nautilus)
// in sui-framework's tests/crypto/nitro_attestation_test.move, which reads these values from it.

/// PCR0 (enclave image) of the document.
const PCR0: vector<u8> =
    x"cbe1afb6ed0ff89f10295af0b802247ec5670da8f886e71a4226373b032c322f4e42c9c98288e7211682b258684505a2";
/// PCR1 (kernel and boot ramfs) of the document.
const PCR1: vector<u8> =
    x"cbe1afb6ed0ff89f10295af0b802247ec5670da8f886e71a4226373b032c322f4e42c9c98288e7211682b258684505a2";
/// PCR2 (application) of the document.
const PCR2: vector<u8> =
    x"21b9efbc184807662e966d34f390821309eeac6802309798826296bf3e8bec7c10edb30948c90ba67310f7b964fc500a";
/// The ed25519 public key the enclave put in the document.
const PUBLIC_KEY: vector<u8> = x"e8e62201dbe293b703c759f653107acbc2c911fa1d2e66f2c747bec95971a2af";
/// The clock time (ms) at which the framework test verifies the document.
const DOCUMENT_TIME_MS: u64 = 1747071568899;
/// The document itself (CBOR COSE_Sign1, 4491 bytes).
const DOCUMENT: vector<u8> =
    x"8444a1013822a059111fa9696d6f64756c655f69647827692d30366534623938633635343966663830332d656e633031393633373362313935666237323366646967657374665348413338346974696d657374616d701b00000196c5942c426470637273b0005830cbe1afb6ed0ff89f10295af0b802247ec5670da8f886e71a4226373b032c322f4e42c9c98288e7211682b258684505a2015830cbe1afb6ed0ff89f10295af0b802247ec5670da8f886e71a4226373b032c322f4e42c9c98288e7211682b258684505a202583021b9efbc184807662e966d34f390821309eeac6802309798826296bf3e8bec7c10edb30948c90ba67310f7b964fc500a0358309af4960cd10ff0ddb81dc6660d16bf92165923d7ce3cbc53b9e42257424049b55bf459ca68ba632f39ff510064293c5f045830f3e18816e8d0ba69088d034522e742f0e1909ab34d5e83a1f579ffb43c58f0f0f35d64401efc9426097565d0506a8a5f0558300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000658300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000758300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000858300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000958300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000a58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000b58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000d58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f58300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006b636572746966696361746559027f3082027b30820201a00302010202100196373b195fb7230000000068223238300a06082a8648ce3d04030330818e310b30090603550406130255533113301106035504080c0a57617368696e67746f6e3110300e06035504070c0753656174746c65310f300d060355040a0c06416d617a6f6e310c300a060355040b0c034157533139303706035504030c30692d30366534623938633635343966663830332e75732d656173742d312e6177732e6e6974726f2d656e636c61766573301e170d3235303531323137333930315a170d3235303531323230333930345a308193310b30090603550406130255533113301106035504080c0a57617368696e67746f6e3110300e06035504070c0753656174746c65310f300d060355040a0c06416d617a6f6e310c300a060355040b0c03415753313e303c06035504030c35692d30366534623938633635343966663830332d656e63303139363337336231393566623732332e75732d656173742d312e6177733076301006072a8648ce3d020106052b8104002203620004afc36638fc9d70b2f9471753bcd890caaea79ae3881bfa6addbfe9a2142bc3eec9bd47c0f4c3dff198bc34311b60a33a07e66e7e347cc40d4b4b2da3c9a275320d0b248b8a03d4a2fe6aec1c58ebe6ff075de44e90e3916f323187f356de3b58a31d301b300c0603551d130101ff04023000300b0603551d0f0404030206c0300a06082a8648ce3d0403030368003065023019d7896564d908ef5ec2b460f45b02c8476310d258e748f23bda16da21a3aa199675e89d134fe4f1d086b6dd89821087023100d64f51af692f581c66bd912f01d0b699c240428d681d990be5553c8e08dfbc6837aac8b3c312fcd31e75aa6756b5f45c68636162756e646c65845902153082021130820196a003020102021100f93175681b90afe11d46ccb4e4e7f856300a06082a8648ce3d0403033049310b3009060355040613025553310f300d060355040a0c06416d617a6f6e310c300a060355040b0c03415753311b301906035504030c126177732e6e6974726f2d656e636c61766573301e170d3139313032383133323830355a170d3439313032383134323830355a3049310b3009060355040613025553310f300d060355040a0c06416d617a6f6e310c300a060355040b0c03415753311b301906035504030c126177732e6e6974726f2d656e636c617665733076301006072a8648ce3d020106052b8104002203620004fc0254eba608c1f36870e29ada90be46383292736e894bfff672d989444b5051e534a4b1f6dbe3c0bc581a32b7b176070ede12d69a3fea211b66e752cf7dd1dd095f6f1370f4170843d9dc100121e4cf63012809664487c9796284304dc53ff4a3423040300f0603551d130101ff040530030101ff301d0603551d0e041604149025b50dd90547e796c396fa729dcf99a9df4b96300e0603551d0f0101ff040403020186300a06082a8648ce3d0403030369003066023100a37f2f91a1c9bd5ee7b8627c1698d255038e1f0343f95b63a9628c3d39809545a11ebcbf2e3b55d8aeee71b4c3d6adf3023100a2f39b1605b27028a5dd4ba069b5016e65b4fbde8fe0061d6a53197f9cdaf5d943bc61fc2beb03cb6fee8d2302f3dff65902c3308202bf30820245a003020102021100d464b0d7cde4e963d4066b0e123a721c300a06082a8648ce3d0403033049310b3009060355040613025553310f300d060355040a0c06416d617a6f6e310c300a060355040b0c03415753311b301906035504030c126177732e6e6974726f2d656e636c61766573301e170d3235303531313133333235355a170d3235303533313134333235355a3064310b3009060355040613025553310f300d060355040a0c06416d617a6f6e310c300a060355040b0c034157533136303406035504030c2d326365363237653230363639663632612e75732d656173742d312e6177732e6e6974726f2d656e636c617665733076301006072a8648ce3d020106052b81040022036200048aa63a37ec803f56f189843be40ea6c237240530f3a961ac8e34a93cb51a42937c4778818a22f4a3c08dc8c36775e69c536883b85c6ee60cc194ba5fb0a1160dabe3c803dce6639029172bf5a7d962c39b6b65ae22d8924331d74f5e6de117aba381d53081d230120603551d130101ff040830060101ff020102301f0603551d230418301680149025b50dd90547e796c396fa729dcf99a9df4b96301d0603551d0e04160414e878dcab1a772e6e04a93422cfd8f874e2db0365300e0603551d0f0101ff040403020186306c0603551d1f046530633061a05fa05d865b687474703a2f2f6177732d6e6974726f2d656e636c617665732d63726c2e73332e616d617a6f6e6177732e636f6d2f63726c2f61623439363063632d376436332d343262642d396539662d3539333338636236376638342e63726c300a06082a8648ce3d040303036800306502302a361ebee5a19f0be1be7b7672574764cce74ffc24144c7de18f59b7c24b74f8419b23d8a7f17cc2a7c1ba21bc5363d0023100c02521bec78aafad295ec0a4c6f3000f0a027e685a82b1786ed81b3e6b7fb4c05c63e8d72d8268bf7bd7eac06512db51590318308203143082029aa0030201020210733f318d0cce6f98a1821669f1fb2305300a06082a8648ce3d0403033064310b3009060355040613025553310f300d060355040a0c06416d617a6f6e310c300a060355040b0c034157533136303406035504030c2d326365363237653230363639663632612e75732d656173742d312e6177732e6e6974726f2d656e636c61766573301e170d3235303531323035323631315a170d3235303531383035323631315a308189313c303a06035504030c33633835383165613839343063363062302e7a6f6e616c2e75732d656173742d312e6177732e6e6974726f2d656e636c61766573310c300a060355040b0c03415753310f300d060355040a0c06416d617a6f6e310b3009060355040613025553310b300906035504080c0257413110300e06035504070c0753656174746c653076301006072a8648ce3d020106052b81040022036200047e59593a2daf01a4d7bd56b7f96b7af9e526db7d1e8f1b8b0fc8a5c1a7190c3a5f274cd6eda4464930d020d94ebd9cad902a7d826d59a5a7055fb06990a9f259983d95c60c04a9072ce813a69f7a4e1165de38474aad12d16a029cd17006fa36a381ea3081e730120603551d130101ff040830060101ff020101301f0603551d23041830168014e878dcab1a772e6e04a93422cfd8f874e2db0365301d0603551d0e0416041407db13d8fa99d46a52d0855c91704352c1d96ad0300e0603551d0f0101ff0404030201863081800603551d1f047930773075a073a071866f687474703a2f2f63726c2d75732d656173742d312d6177732d6e6974726f2d656e636c617665732e73332e75732d656173742d312e616d617a6f6e6177732e636f6d2f63726c2f61633566666261642d303639302d343737392d616265652d6333666431366537666232362e63726c300a06082a8648ce3d04030303680030650230407bb62b98ea88dae5c72d465e21764b69da09ffe8d24d03ce7f2094c212b23bb05d95534190093e6e2e2ca9c49ca3aa023100f09036ac72014491432fbe0076ef396c55c055eaf58beca6155621ae4784eb1e03f71a0a40e8b760b67b7f6162269ef95902c1308202bd30820244a003020102021426a94cb3de052fd01178ec9f2da990de10ae50c6300a06082a8648ce3d040303308189313c303a06035504030c33633835383165613839343063363062302e7a6f6e616c2e75732d656173742d312e6177732e6e6974726f2d656e636c61766573310c300a060355040b0c03415753310f300d060355040a0c06416d617a6f6e310b3009060355040613025553310b300906035504080c0257413110300e06035504070c0753656174746c65301e170d3235303531323134333533325a170d3235303531333134333533325a30818e310b30090603550406130255533113301106035504080c0a57617368696e67746f6e3110300e06035504070c0753656174746c65310f300d060355040a0c06416d617a6f6e310c300a060355040b0c034157533139303706035504030c30692d30366534623938633635343966663830332e75732d656173742d312e6177732e6e6974726f2d656e636c617665733076301006072a8648ce3d020106052b81040022036200049f84fd231f0332361556d06121290b042aba0fc8119cf62b530a34fde2ba0a5213eaf4bcd79cd240492f51702315beebedc7c29d42a72912e0add5975ff35fe8ac7b9167ad19b2984114aa5c6bc466a20d63e5f2bb5d7dc4a9e7a6400545d95fa366306430120603551d130101ff040830060101ff020100300e0603551d0f0101ff040403020204301d0603551d0e0416041431b3f2a9c91d2fbfe1230f702391caeec8567e0d301f0603551d2304183016801407db13d8fa99d46a52d0855c91704352c1d96ad0300a06082a8648ce3d04030303670030640230583f4115d2b95b86c3c6ee27cc01a6b6db0ca0eb6bdf3201e9633b86ffa22197c9fe60d057f67def74501a0f26ea311702302aba979960bf724ca89894971d8db95741ea2447cc1729abd6734d555c0023d61cda01ae9e43f0adc90c9ff85e82dfc06a7075626c69635f6b65795820e8e62201dbe293b703c759f653107acbc2c911fa1d2e66f2c747bec95971a2af69757365725f64617461f6656e6f6e6365f658606c09606f0fab68546bfa94e5b99170783005f830d40eb626cb0c0d5e3aae805d0a4ac3a32576db1b40875826b14720f14d92839610f8c34d7cade1f9f1ac01e9fe95b806d2ebe945f7ce8258a32453e5a2ffb8d6a8bc83a7b4153e863195ec5d";

/// The document's measurements `[PCR0, PCR1, PCR2]`.
fun measured(): vector<vector<u8>> { vector[PCR0, PCR1, PCR2] }

/// In a new transaction, ADMIN publishes the document's image as an enclave configuration.
/// Returns its id.
fun create_config(scenario: &mut Scenario, clock: &Clock): ID {
    let cap = flows::admin_tx(scenario);
    let id = enclave::create_config(&cap, str(b"weather"), PCR0, PCR1, PCR2, clock, scenario.ctx());
    scenario.return_to_sender(cap);
    id
}

/// In a new transaction, the outsider registers, under the configuration `config_id`, the
/// enclave whose document measured `pcrs` and carried `public_key`. Returns the attester's id.
fun register(
    scenario: &mut Scenario,
    clock: &Clock,
    config_id: ID,
    pcrs: vector<vector<u8>>,
    public_key: Option<vector<u8>>,
    name: String,
): ID {
    scenario.next_tx(flows::outsider());
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let id = enclave::register_measured_for_testing(
        &config,
        &mut registry,
        pcrs,
        public_key,
        name,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(registry);
    ts::return_immutable(config);
    id
}

/// As the outsider, registers the real document's enclave under the configuration `config_id`.
fun register_document(scenario: &mut Scenario, clock: &Clock, config_id: ID): ID {
    register(scenario, clock, config_id, measured(), option::some(PUBLIC_KEY), str(b"weather-1"))
}

#[test]
fun create_config_freezes_the_three_pcrs_and_emits_one_event() {
    let (mut scenario, clock) = flows::begin();
    let id = create_config(&mut scenario, &clock);
    let effects = scenario.next_tx(flows::outsider());
    assert!(effects.num_user_events() == 1);
    assert!(effects.frozen() == vector[id]);
    let config = scenario.take_immutable_by_id<EnclaveConfig>(id);
    assert!(config.pcrs() == measured());
    assert!(config.name() == str(b"weather"));
    ts::return_immutable(config);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = enclave::EInvalidPcr)]
fun create_config_rejects_a_pcr_shorter_than_48_bytes() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    // A SHA-256 digest (32 bytes) where a SHA-384 one belongs.
    enclave::create_config(
        &cap,
        str(b"weather"),
        PCR0,
        PCR1,
        sig::generic_digest(),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = enclave::EInvalidPcr)]
fun create_config_rejects_a_pcr_longer_than_48_bytes() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    let mut long = PCR0;
    long.push_back(0);
    enclave::create_config(&cap, str(b"weather"), long, PCR1, PCR2, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = enclave::EEmptyName)]
fun create_config_rejects_an_empty_name() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    enclave::create_config(&cap, str(b""), PCR0, PCR1, PCR2, &clock, scenario.ctx());
    abort
}

#[test]
fun anyone_registers_an_enclave_with_the_documents_key_and_pcrs() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    let id = register_document(&mut scenario, &clock, config_id);
    let effects = scenario.next_tx(flows::creator());
    assert!(effects.num_user_events() == 1);
    assert!(effects.shared().contains(&id));
    let attester = scenario.take_shared_by_id<Attester>(id);
    assert!(attester.is_enclave());
    assert!(attester.enclave_config() == option::some(config_id));
    assert!(attester.pcrs() == measured());
    assert!(attester.public_key() == PUBLIC_KEY);
    assert!(attester.name() == str(b"weather-1"));
    assert!(attester.key_version() == 0);
    assert!(!attester.is_revoked());
    let registry = scenario.take_shared<AttesterRegistry>();
    assert!(registry.key_holder(PUBLIC_KEY) == option::some(id));
    ts::return_shared(registry);
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

#[test, expected_failure(abort_code = enclave::EPcrMismatch)]
fun a_document_of_another_application_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register(
        &mut scenario,
        &clock,
        config_id,
        vector[PCR0, PCR1, PCR0],
        option::some(PUBLIC_KEY),
        str(b"w"),
    );
    abort
}

#[test, expected_failure(abort_code = enclave::EPcrMismatch)]
fun a_document_of_another_image_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register(
        &mut scenario,
        &clock,
        config_id,
        vector[PCR2, PCR1, PCR2],
        option::some(PUBLIC_KEY),
        str(b"w"),
    );
    abort
}

#[test, expected_failure(abort_code = enclave::EPcrMismatch)]
fun a_document_missing_a_pcr_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    // `enclave::register` leaves a PCR the document lacks empty.
    register(
        &mut scenario,
        &clock,
        config_id,
        vector[PCR0, PCR1, vector[]],
        option::some(PUBLIC_KEY),
        str(b"w"),
    );
    abort
}

#[test, expected_failure(abort_code = enclave::ENoPublicKey)]
fun a_document_without_a_public_key_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register(&mut scenario, &clock, config_id, measured(), option::none(), str(b"w"));
    abort
}

#[test, expected_failure(abort_code = attester::EInvalidPublicKey)]
fun a_document_key_that_is_not_an_ed25519_key_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    let mut key = PUBLIC_KEY;
    key.push_back(4);
    register(&mut scenario, &clock, config_id, measured(), option::some(key), str(b"w"));
    abort
}

#[test, expected_failure(abort_code = attester::EEmptyName)]
fun registering_an_enclave_without_a_name_aborts() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register(&mut scenario, &clock, config_id, measured(), option::some(PUBLIC_KEY), str(b""));
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun registering_the_same_document_twice_aborts() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register_document(&mut scenario, &clock, config_id);
    register_document(&mut scenario, &clock, config_id);
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun registering_an_enclave_whose_key_the_admin_registered_as_a_plain_key_aborts() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    let cap = flows::admin_tx(&mut scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    attester::register(&cap, &mut registry, str(b"plain"), PUBLIC_KEY, &clock, scenario.ctx());
    ts::return_shared(registry);
    scenario.return_to_sender(cap);
    register_document(&mut scenario, &clock, config_id);
    abort
}

#[test, expected_failure(abort_code = attester::EKeyInUse)]
fun admin_cannot_register_an_enclaves_key_as_a_plain_key() {
    let (mut scenario, clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    register_document(&mut scenario, &clock, config_id);
    let cap = flows::admin_tx(&mut scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    attester::register(&cap, &mut registry, str(b"plain"), PUBLIC_KEY, &clock, scenario.ctx());
    abort
}

#[test]
fun an_enclave_attesters_signature_records_an_enclave_attestation() {
    let (mut scenario, clock) = flows::begin();
    // Transaction 1: ADMIN publishes the image; transaction 2: an outsider registers the
    // enclave holding key c, as the signatures expect.
    let config_id = create_config(&mut scenario, &clock);
    let id = register(
        &mut scenario,
        &clock,
        config_id,
        measured(),
        option::some(sig::key_c()),
        str(b"enclave"),
    );
    assert!(id == sig::enclave_attester_id());
    scenario.next_tx(flows::creator());
    let mut attester = scenario.take_shared_by_id<Attester>(id);
    let attestation = attestation::record(
        &mut attester,
        attestation::kind_transform(),
        vector[object::id_from_address(@0xd1)],
        vector[111],
        vector[sig::generic_input_sha256()],
        vector[object::id_from_address(@0xd2)],
        vector[222],
        vector[sig::generic_output_sha256()],
        sig::generic_digest(),
        sig::timestamp_ms(),
        sig::enclave_signature_c(),
        &clock,
        scenario.ctx(),
    );
    assert!(attestation.is_signed());
    assert!(attestation.is_enclave());
    assert!(attestation.attester() == option::some(id));
    attestation.finalize();
    ts::return_shared(attester);
    flows::end(scenario, clock);
}

/// Canary: the WASM Move VM these tests run in has the Nitro native switched off, so
/// `load_nitro_attestation` aborts with `ENotSupportedError` (0) even on a real document at a
/// time its certificates are valid. This test fails the day the VM runs the native: then test
/// `enclave::register` end to end with `DOCUMENT` (this very call should then register the
/// enclave with `PUBLIC_KEY` and the three PCRs) instead of `register_measured_for_testing`.
#[test, expected_failure(abort_code = 0, location = sui::nitro_attestation)]
fun the_vm_cannot_verify_a_nitro_document_yet() {
    let (mut scenario, mut clock) = flows::begin();
    let config_id = create_config(&mut scenario, &clock);
    scenario.next_tx(flows::outsider());
    clock.set_for_testing(DOCUMENT_TIME_MS);
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let document = nitro_attestation::load_nitro_attestation(DOCUMENT, &clock);
    enclave::register(&config, &mut registry, document, str(b"weather-1"), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = enclave::EDebugPcrs)]
fun a_debug_mode_image_with_all_zero_pcrs_is_refused() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    let zero = vector::tabulate!(48, |_| 0u8);
    enclave::create_config(&cap, str(b"debug"), zero, zero, zero, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = enclave::EConfigRetired)]
fun retiring_a_configuration_twice_aborts() {
    let (mut scenario, clock) = flows::begin();
    let cap = flows::admin_tx(&mut scenario);
    let config_id = enclave::create_config(
        &cap,
        str(b"image"),
        PCR0,
        PCR1,
        PCR2,
        &clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(cap);
    let cap = flows::admin_tx(&mut scenario);
    let mut registry = scenario.take_shared<AttesterRegistry>();
    let config = scenario.take_immutable_by_id<EnclaveConfig>(config_id);
    enclave::retire_config(&cap, &mut registry, &config, &clock, scenario.ctx());
    assert!(registry.is_enclave_config_retired(config_id));
    enclave::retire_config(&cap, &mut registry, &config, &clock, scenario.ctx());
    abort
}
