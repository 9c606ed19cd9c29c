//! The facts the December 2026 data review changed, each checked with its source: the embedded
//! JSON and Markdown files are read as plain values (serde_json::Value and split table rows), not
//! through the widget's parsers, so these tests hold whatever the Rust readers do with the data.

use serde_json::Value;

const RESPONSIBILITY: &str = include_str!("../../data/responsibility.json");
const TOOLS: &str = include_str!("../../data/tools.json");
const MATRIX: &str = include_str!("../../data/matrix.json");
const SCHEMA: &str = include_str!("../../data/schema/matrix.schema.json");

/// The embedded revisions, oldest first: (date, text).
const REVISIONS: [(&str, &str); 6] = [
    (
        "2020-03-25",
        include_str!("../../data/revisions/2020-03-25.md"),
    ),
    (
        "2020-04-21",
        include_str!("../../data/revisions/2020-04-21.md"),
    ),
    (
        "2020-04-24",
        include_str!("../../data/revisions/2020-04-24.md"),
    ),
    (
        "2020-10-06",
        include_str!("../../data/revisions/2020-10-06.md"),
    ),
    (
        "2020-10-13",
        include_str!("../../data/revisions/2020-10-13.md"),
    ),
    (
        "2021-04-24",
        include_str!("../../data/revisions/2021-04-24.md"),
    ),
];

const READ_NOW: &str = "2026-12-01";

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect()
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

// ---------------------------------------------------------------------------------------------
// responsibility.json helpers
// ---------------------------------------------------------------------------------------------

struct Model(Value);

impl Model {
    fn load() -> Model {
        Model(json(RESPONSIBILITY))
    }

    fn variant(&self, id: &str) -> &Value {
        self.0["variants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id)
            .unwrap_or_else(|| panic!("no variant {id}"))
    }

    fn cell(&self, variant: &str, layer: &str) -> &Value {
        self.variant(variant)["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["layer"] == layer)
            .unwrap_or_else(|| panic!("no cell {variant}/{layer}"))
    }

    fn source(&self, id: &str) -> &Value {
        self.0["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no source {id}"))
    }

    fn owner(&self, variant: &str, layer: &str) -> &str {
        self.cell(variant, layer)["owner"].as_str().unwrap()
    }

    fn explanation(&self, variant: &str, layer: &str) -> &str {
        self.cell(variant, layer)["explanation"].as_str().unwrap()
    }

    /// The cited source's id and URL.
    fn cited(&self, variant: &str, layer: &str) -> (&str, &str) {
        let id = self.cell(variant, layer)["source"].as_str().unwrap();
        (id, self.source(id)["url"].as_str().unwrap())
    }

    fn see_also(&self, variant: &str, layer: &str) -> Vec<&str> {
        match &self.cell(variant, layer)["see_also"] {
            Value::Null => Vec::new(),
            v => strs(v),
        }
    }

    fn variants(&self) -> &Vec<Value> {
        self.0["variants"].as_array().unwrap()
    }
}

/// Asserts that `text` contains every one of `words` (case-insensitive), naming the cell.
fn mentions(what: &str, text: &str, words: &[&str]) {
    let lower = text.to_lowercase();
    for w in words {
        assert!(
            lower.contains(&w.to_lowercase()),
            "{what} should mention '{w}': {text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Sources: real pages, each with the date it was read
// ---------------------------------------------------------------------------------------------

#[test]
fn every_source_is_an_https_page_with_the_date_it_was_read() {
    let m = Model::load();
    assert_eq!(
        m.0["as_of"], READ_NOW,
        "the model was read on the review's date"
    );
    let mut ids = std::collections::HashSet::new();
    for s in m.0["sources"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        assert!(ids.insert(id), "duplicate source {id}");
        let url = s["url"].as_str().unwrap();
        assert!(
            url.starts_with("https://docs.aws.amazon.com/")
                || url.starts_with("https://aws.amazon.com/")
                || url.starts_with("https://github.com/"),
            "{id}: {url}"
        );
        if url.starts_with("https://github.com/") {
            let commit = url.split('/').nth(6).unwrap_or("");
            assert!(
                commit.len() == 40 && commit.bytes().all(|c| c.is_ascii_hexdigit()),
                "{id}: a GitHub source is pinned to a commit: {url}"
            );
        }
        let read = s["as_of"]
            .as_str()
            .unwrap_or_else(|| panic!("{id} has no as_of (date read)"));
        assert!(is_date(read), "{id}: {read}");
        assert!(read <= READ_NOW, "{id} read in the future: {read}");
    }
}

#[test]
fn every_cited_source_exists_and_every_source_is_cited() {
    let m = Model::load();
    let ids: Vec<&str> = m.0["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let mut cited = std::collections::HashSet::new();
    for v in m.variants() {
        let vid = v["id"].as_str().unwrap();
        for c in v["cells"].as_array().unwrap() {
            let layer = c["layer"].as_str().unwrap();
            let mut all = vec![c["source"].as_str().unwrap()];
            all.extend(m.see_also(vid, layer));
            for s in all {
                assert!(ids.contains(&s), "{vid}/{layer} cites unknown source {s}");
                cited.insert(s);
            }
        }
        if let Some(s) = v["note_source"].as_str() {
            assert!(ids.contains(&s), "{vid} note cites unknown source {s}");
            cited.insert(s);
        }
    }
    for id in ids {
        assert!(cited.contains(id), "source {id} is never cited");
    }
}

#[test]
fn the_guides_are_cited_at_their_current_pages_not_legacy_or_chapter_pages() {
    let m = Model::load();
    for s in m.0["sources"].as_array().unwrap() {
        let url = s["url"].as_str().unwrap();
        assert!(
            !url.contains("aws.github.io/aws-eks-best-practices"),
            "legacy BPG URL {url}"
        );
        assert!(
            !url.ends_with("/bestpracticesguide/security.html"),
            "ECS BPG chapter index cited instead of the shared-responsibility page: {url}"
        );
    }
    assert_eq!(
        m.source("eks-bp-security")["url"],
        "https://docs.aws.amazon.com/eks/latest/best-practices/security.html"
    );
    assert_eq!(
        m.source("ecs-bp-shared-responsibility")["url"],
        "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html"
    );
}

#[test]
fn every_explanation_is_one_line_and_one_sentence() {
    let m = Model::load();
    for v in m.variants() {
        for c in v["cells"].as_array().unwrap() {
            let e = c["explanation"].as_str().unwrap();
            let at = format!("{}/{}", v["id"], c["layer"]);
            assert!(!e.contains('\n'), "{at}: one line");
            assert!(e.ends_with('.'), "{at}: ends a sentence: {e}");
            let inner = &e[..e.len() - 1];
            assert!(
                !inner.contains(". ") && !inner.contains("? ") && !inner.contains("! "),
                "{at}: one sentence: {e}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Responsibility cells
// ---------------------------------------------------------------------------------------------

#[test]
fn managed_node_groups_host_os_and_runtime_are_shared_with_the_custom_ami_caveat_from_the_eks_ug() {
    let m = Model::load();
    for layer in ["host-os", "runtime"] {
        assert_eq!(m.owner("eks-managed-nodes", layer), "shared", "{layer}");
        mentions(
            layer,
            m.explanation("eks-managed-nodes", layer),
            &["custom AMI", "customer"],
        );
        assert_eq!(
            m.cited("eks-managed-nodes", layer),
            (
                "eks-ug-managed-node-groups",
                "https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html"
            )
        );
    }
}

#[test]
fn ecs_on_ec2_host_os_is_the_customers_and_says_why_it_differs_from_managed_node_groups() {
    let m = Model::load();
    assert_eq!(m.owner("ecs-ec2", "host-os"), "customer");
    mentions(
        "ecs-ec2/host-os",
        m.explanation("ecs-ec2", "host-os"),
        &[
            "ECS-optimized AMIs",
            "managed node groups",
            "ECS's own page",
        ],
    );
    assert_eq!(
        m.cited("ecs-ec2", "host-os"),
        (
            "ecs-dg-shared-responsibility",
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html"
        )
    );
    assert!(m
        .see_also("ecs-ec2", "host-os")
        .contains(&"eks-ug-managed-node-groups"));
}

#[test]
fn eks_on_fargate_network_config_is_security_groups_for_pods_not_network_policies() {
    let m = Model::load();
    assert_eq!(m.owner("eks-fargate", "network-config"), "customer");
    let e = m.explanation("eks-fargate", "network-config");
    mentions(
        "eks-fargate/network-config",
        e,
        &["security groups for pods", "not to Fargate"],
    );
    assert!(
        !e.contains("and network policies"),
        "network policies are not offered as a Fargate control: {e}"
    );
    let (id, url) = m.cited("eks-fargate", "network-config");
    assert_eq!(id, "eks-ug-security-groups-for-pods");
    assert!(
        url.starts_with("https://docs.aws.amazon.com/eks/latest/userguide/"),
        "{url}"
    );
    assert!(m
        .see_also("eks-fargate", "network-config")
        .contains(&"eks-ug-network-policy"));
    // Network policies still belong to the EC2-node variants.
    for v in ["eks-self-managed", "eks-managed-nodes"] {
        mentions(v, m.explanation(v, "network-config"), &["network policies"]);
    }
}

#[test]
fn fargate_capacity_is_aws_but_pod_and_task_scaling_stay_the_customers() {
    let m = Model::load();
    assert_eq!(m.owner("eks-fargate", "capacity"), "aws");
    mentions(
        "eks-fargate/capacity",
        m.explanation("eks-fargate", "capacity"),
        &[
            "Horizontal",
            "Vertical Pod Autoscaler",
            "requests",
            "Fargate profiles",
            "quotas",
            "customer",
        ],
    );
    assert_eq!(
        m.cited("eks-fargate", "capacity"),
        (
            "eks-ug-fargate",
            "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"
        )
    );
    assert_eq!(m.owner("ecs-fargate", "capacity"), "aws");
    mentions(
        "ecs-fargate/capacity",
        m.explanation("ecs-fargate", "capacity"),
        &[
            "service auto scaling",
            "CPU and memory",
            "quotas",
            "customer",
        ],
    );
    assert_eq!(
        m.cited("ecs-fargate", "capacity").0,
        "ecs-bp-shared-responsibility"
    );
    assert!(m
        .see_also("ecs-fargate", "capacity")
        .contains(&"ecs-dg-service-auto-scaling"));
}

#[test]
fn eks_on_fargate_host_os_patching_evicts_pods_so_disruption_budgets_are_the_customers() {
    let m = Model::load();
    assert_eq!(m.owner("eks-fargate", "host-os"), "aws");
    mentions(
        "eks-fargate/host-os",
        m.explanation("eks-fargate", "host-os"),
        &["evicts pods", "pod disruption budgets"],
    );
    assert_eq!(
        m.cited("eks-fargate", "host-os"),
        (
            "eks-ug-fargate-pod-patching",
            "https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-patching.html"
        )
    );
}

#[test]
fn eks_control_plane_is_aws_but_upgrades_endpoint_access_and_logs_are_the_customers() {
    let m = Model::load();
    for v in ["eks-self-managed", "eks-managed-nodes", "eks-fargate"] {
        assert_eq!(m.owner(v, "control-plane"), "aws", "{v}");
        mentions(
            v,
            m.explanation(v, "control-plane"),
            &["upgrade", "endpoint access", "control-plane logs"],
        );
        assert_eq!(m.cited(v, "control-plane").0, "eks-ug-security", "{v}");
        let also = m.see_also(v, "control-plane");
        for s in [
            "eks-bp-cluster-upgrades",
            "eks-ug-cluster-endpoint",
            "eks-ug-control-plane-logs",
        ] {
            assert!(also.contains(&s), "{v}: {s}");
        }
    }
    assert_eq!(
        m.source("eks-ug-control-plane-logs")["url"],
        "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html"
    );
}

#[test]
fn ecs_control_plane_is_aws_with_a_note_on_iam_and_cites_the_ecs_page() {
    let m = Model::load();
    for v in ["ecs-ec2", "ecs-fargate"] {
        assert_eq!(m.owner(v, "control-plane"), "aws", "{v}");
        mentions(
            v,
            m.explanation(v, "control-plane"),
            &["ECS control plane", "IAM"],
        );
        assert_eq!(
            m.cited(v, "control-plane"),
            (
                "ecs-bp-shared-responsibility",
                "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html"
            )
        );
    }
}

#[test]
fn ecs_iam_cells_cite_the_ecs_iam_page_not_the_generic_model() {
    let m = Model::load();
    for v in ["ecs-ec2", "ecs-fargate"] {
        assert_eq!(m.owner(v, "iam"), "customer", "{v}");
        assert_eq!(
            m.cited(v, "iam"),
            (
                "ecs-bp-iam",
                "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam.html"
            ),
            "{v}"
        );
        mentions(v, m.explanation(v, "iam"), &["task role"]);
    }
}

#[test]
fn ecr_network_config_is_the_customers_vpc_endpoints_and_repository_policies() {
    let m = Model::load();
    assert_eq!(m.owner("ecr", "network-config"), "customer");
    mentions(
        "ecr/network-config",
        m.explanation("ecr", "network-config"),
        &[
            "VPC endpoints",
            "repository policies",
            "Hardware and network",
        ],
    );
    assert_eq!(
        m.cited("ecr", "network-config"),
        (
            "ecr-infrastructure-security",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/infrastructure-security.html"
        )
    );
}

#[test]
fn ecr_data_is_shared_because_images_are_encrypted_at_rest_by_default() {
    let m = Model::load();
    assert_eq!(m.owner("ecr", "data"), "shared");
    mentions(
        "ecr/data",
        m.explanation("ecr", "data"),
        &["by default", "S3-managed keys", "KMS", "optional"],
    );
    assert_eq!(
        m.cited("ecr", "data"),
        (
            "ecr-encryption-at-rest",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"
        )
    );
}

#[test]
fn ecr_capacity_label_and_explanation_agree() {
    let m = Model::load();
    assert_eq!(m.owner("ecr", "capacity"), "n/a");
    let e = m.explanation("ecr", "capacity");
    assert!(
        !e.contains("AWS"),
        "an n/a cell does not name an owner: {e}"
    );
    mentions("ecr/capacity", e, &["no compute"]);
}

#[test]
fn ecr_images_config_storage_and_host_cite_pages_that_make_the_claim() {
    let m = Model::load();
    assert_eq!(m.owner("ecr", "images"), "customer");
    assert_eq!(m.cited("ecr", "images").0, "eks-bp-security");
    assert_eq!(m.owner("ecr", "cluster-config"), "customer");
    mentions(
        "ecr/cluster-config",
        m.explanation("ecr", "cluster-config"),
        &["scanning", "on push"],
    );
    assert_eq!(
        m.cited("ecr", "cluster-config"),
        (
            "ecr-image-scanning",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"
        )
    );
    for layer in ["registry-storage", "host-os"] {
        assert_eq!(m.owner("ecr", layer), "aws", "{layer}");
        mentions(
            layer,
            m.explanation("ecr", layer),
            &["S3 buckets that ECR manages"],
        );
        assert_eq!(m.cited("ecr", layer).0, "ecr-encryption-at-rest", "{layer}");
    }
    for layer in ["images", "cluster-config", "registry-storage", "host-os"] {
        let (id, _) = m.cited("ecr", layer);
        assert!(
            id != "ecr-compliance" && id != "ecr-infrastructure-security",
            "{layer}: {id}"
        );
    }
}

#[test]
fn runtime_security_logging_and_monitoring_have_a_layer_and_the_newer_models_a_note() {
    let m = Model::load();
    for v in ["ecs-ec2", "ecs-fargate"] {
        mentions(
            v,
            m.explanation(v, "cluster-config"),
            &["runtime security", "logging and monitoring"],
        );
    }
    for v in ["eks-self-managed", "eks-managed-nodes", "eks-fargate"] {
        mentions(v, m.explanation(v, "cluster-config"), &["runtime security"]);
    }
    let note = m.0["note"].as_str().unwrap();
    mentions(
        "model note",
        note,
        &[
            "ECS Managed Instances",
            "EKS Auto Mode",
            "21",
            "runtime security, logging and monitoring",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Diagram ↔ table
// ---------------------------------------------------------------------------------------------

#[test]
fn every_variant_links_to_the_matrix_columns_of_its_orchestrator() {
    let m = Model::load();
    let expected: [(&str, &[&str]); 6] = [
        ("ecs-ec2", &["ecs"]),
        ("ecs-fargate", &["ecs", "fargate"]),
        ("eks-self-managed", &["eks"]),
        ("eks-managed-nodes", &["eks"]),
        ("eks-fargate", &["eks"]),
        ("ecr", &["ecr"]),
    ];
    let ids: Vec<&str> = m
        .variants()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected.map(|(v, _)| v));
    let matrix = json(MATRIX);
    let columns: Vec<&str> = matrix["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for (v, services) in expected {
        let got = strs(&m.variant(v)["services"]);
        assert_eq!(got, services, "{v}");
        for s in got {
            assert!(columns.contains(&s), "{v}: {s} is not a matrix column");
        }
    }
}

#[test]
fn eks_on_fargate_says_the_seed_has_no_column_for_it_and_it_is_not_in_govcloud() {
    let m = Model::load();
    let v = m.variant("eks-fargate");
    let note = v["note"].as_str().expect("eks-fargate has a note");
    mentions(
        "eks-fargate note",
        note,
        &["no column", "ECS on Fargate", "EKS column only", "GovCloud"],
    );
    assert!(
        note.contains("AWS Fargate with Amazon EKS isn't available in AWS GovCloud"),
        "quotes the EKS UG: {note}"
    );
    assert_eq!(v["note_source"], "eks-ug-fargate");
    assert_eq!(
        m.source("eks-ug-fargate")["url"],
        "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"
    );
}

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

struct Tools(Value);

impl Tools {
    fn load() -> Tools {
        Tools(json(TOOLS))
    }

    fn tool(&self, id: &str) -> &Value {
        self.0["tools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("no tool {id}"))
    }
}

/// The tools shown at a layer of a variant, as the widget picks them: the tool names both, and
/// the customer owns or shares the layer there.
fn shown(tools: &Tools, m: &Model, variant: &str, layer: &str) -> Vec<String> {
    let owner = m.owner(variant, layer);
    if owner != "customer" && owner != "shared" {
        return Vec::new();
    }
    tools.0["tools"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| strs(&t["variants"]).contains(&variant) && strs(&t["layers"]).contains(&layer))
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_tool_carries_its_own_source_and_the_date_it_was_read() {
    let t = Tools::load();
    let m = Model::load();
    let layers: Vec<&str> = m.0["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    let variants: Vec<&str> = m
        .variants()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    let mut urls = Vec::new();
    for tool in t.0["tools"].as_array().unwrap() {
        let id = tool["id"].as_str().unwrap();
        let src = &tool["source"];
        let read = src["as_of"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: no source.as_of"));
        assert_eq!(read, READ_NOW, "{id}");
        let url = src["url"].as_str().unwrap();
        assert!(url.starts_with("https://"), "{id}: {url}");
        assert!(
            !url.contains("e974e805520ab679521c2e8416b4c9e7d11ce101"),
            "{id}: cites the tool's own page, not only the seed's list: {url}"
        );
        urls.push(url);
        mentions(id, src["note"].as_str().unwrap(), &["Listed by the seed"]);
        for l in strs(&tool["layers"]) {
            assert!(layers.contains(&l), "{id}: unknown layer {l}");
        }
        for v in strs(&tool["variants"]) {
            assert!(variants.contains(&v), "{id}: unknown variant {v}");
        }
    }
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), 4, "four tools, four sources");
}

#[test]
fn kube_bench_covers_kubelet_config_iam_network_and_images_not_host_os_and_not_fargate() {
    let t = Tools::load();
    let k = t.tool("kube-bench");
    assert_eq!(
        strs(&k["layers"]),
        [
            "runtime",
            "cluster-config",
            "iam",
            "network-config",
            "images"
        ]
    );
    assert_eq!(
        strs(&k["variants"]),
        ["eks-self-managed", "eks-managed-nodes"]
    );
    let src = &k["source"];
    assert_eq!(
        src["url"],
        "https://github.com/aquasecurity/kube-bench/tree/a73ce378418c71c5861e6963753f50dec3badadf/cfg/eks-1.8.0"
    );
    mentions(
        "kube-bench",
        src["note"].as_str().unwrap(),
        &[
            "2020-07-10",
            "20ec5d1",
            "hostPID",
            "Fargate",
            "not OS patching",
        ],
    );
    let m = Model::load();
    assert!(shown(&t, &m, "eks-self-managed", "host-os")
        .iter()
        .all(|id| id != "kube-bench"));
    assert!(shown(&t, &m, "eks-fargate", "cluster-config").is_empty());
    assert_eq!(shown(&t, &m, "eks-managed-nodes", "iam"), ["kube-bench"]);
}

#[test]
fn docker_based_tools_fit_ecs_on_ec2_and_self_managed_nodes_with_a_docker_runtime_only() {
    let t = Tools::load();
    for id in ["docker-bench-security", "actuary"] {
        let tool = t.tool(id);
        assert_eq!(strs(&tool["layers"]), ["host-os", "runtime"], "{id}");
        assert_eq!(
            strs(&tool["variants"]),
            ["ecs-ec2", "eks-self-managed"],
            "{id}"
        );
        mentions(id, tool["checks"].as_str().unwrap(), &["Docker daemon"]);
        mentions(
            id,
            tool["source"]["note"].as_str().unwrap(),
            &["Docker runtime"],
        );
    }
    let db = t.tool("docker-bench-security");
    mentions(
        "docker-bench-security",
        db["source"]["note"].as_str().unwrap(),
        &["Error connecting to docker daemon", "containerd", "1.24"],
    );
    assert!(db["source"]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://github.com/docker/docker-bench-security/blob/ff26d67f25be60fc2d82a01710ee14570b2cb9db/"));
    let a = t.tool("actuary");
    assert_eq!(a["archived"], true);
    mentions(
        "actuary",
        a["source"]["note"].as_str().unwrap(),
        &["unmaintained", "2017-09-16", "2021-05-18"],
    );
    // Official EKS AMIs are containerd-only: no Docker tool on managed node groups or Fargate.
    let m = Model::load();
    for v in ["eks-managed-nodes", "eks-fargate", "ecs-fargate"] {
        for l in ["host-os", "runtime"] {
            let s = shown(&t, &m, v, l);
            assert!(
                !s.iter()
                    .any(|id| id == "docker-bench-security" || id == "actuary"),
                "{v}/{l}: {s:?}"
            );
        }
    }
}

#[test]
fn inspector_scans_ec2_hosts_and_ecr_images_and_on_fargate_only_the_images() {
    let t = Tools::load();
    let i = t.tool("amazon-inspector");
    assert_eq!(strs(&i["layers"]), ["host-os", "images"]);
    assert_eq!(
        strs(&i["variants"]),
        [
            "ecs-ec2",
            "ecs-fargate",
            "eks-self-managed",
            "eks-managed-nodes",
            "eks-fargate",
            "ecr"
        ]
    );
    assert_eq!(strs(&i["aliases"]), ["AWS Inspector"]);
    mentions(
        "amazon-inspector",
        i["source"]["note"].as_str().unwrap(),
        &[
            "2020",
            "EC2 instances only",
            "November 2021",
            "only for images stored in ECR",
        ],
    );
    assert_eq!(
        i["source"]["url"],
        "https://docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html"
    );
    let m = Model::load();
    for v in ["ecs-fargate", "eks-fargate"] {
        assert_eq!(m.owner(v, "host-os"), "aws", "{v}: Fargate hosts are AWS's");
        assert!(shown(&t, &m, v, "host-os").is_empty(), "{v}");
        assert_eq!(shown(&t, &m, v, "images"), ["amazon-inspector"], "{v}");
    }
    assert!(shown(&t, &m, "ecs-ec2", "host-os").contains(&"amazon-inspector".to_string()));
    assert!(shown(&t, &m, "ecr", "host-os").is_empty());
    assert_eq!(shown(&t, &m, "ecr", "images"), ["amazon-inspector"]);
}

// ---------------------------------------------------------------------------------------------
// Matrix: tags, aliases, notes
// ---------------------------------------------------------------------------------------------

fn program<'a>(matrix: &'a Value, id: &str) -> &'a Value {
    matrix["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no program {id}"))
}

#[test]
fn soc_1_is_tagged_financial_reporting_not_finance() {
    let m = json(MATRIX);
    let tags = strs(&program(&m, "soc-1")["tags"]);
    assert!(tags.contains(&"domain:financial-reporting"), "{tags:?}");
    assert!(!tags.contains(&"domain:finance"), "{tags:?}");
    // The finance filter now finds OSPAR only.
    let finance: Vec<&str> = m["programs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| strs(&p["tags"]).contains(&"domain:finance"))
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(finance, ["ospar"]);
}

#[test]
fn k_isms_no_longer_answers_to_isms() {
    let m = json(MATRIX);
    let aliases = strs(&program(&m, "k-isms")["aliases"]);
    assert!(
        !aliases.iter().any(|a| a.eq_ignore_ascii_case("ISMS")),
        "{aliases:?}"
    );
    assert!(aliases.contains(&"Korea Information Security Management System"));
    for p in m["programs"].as_array().unwrap() {
        if let Some(a) = p["aliases"].as_array() {
            assert!(!a.iter().any(|a| a == "ISMS"), "{}", p["id"]);
        }
    }
}

#[test]
fn tags_source_says_the_domain_tags_are_editorial() {
    let m = json(MATRIX);
    let ts = &m["tags_source"];
    assert_eq!(ts["url"], "https://aws.amazon.com/compliance/programs/");
    mentions(
        "tags_source.title",
        ts["title"].as_str().unwrap(),
        &["domain tags are ours"],
    );
    mentions(
        "tags_source.note",
        ts["note"].as_str().unwrap(),
        &["editorial", "domain:financial-reporting"],
    );
}

#[test]
fn seed_rows_whose_eks_cell_later_revisions_change_say_so() {
    let m = json(MATRIX);
    for (id, words) in [
        ("irap", &["2021-04-24"][..]),
        (
            "fedramp-moderate",
            &["2020-10-06", "JAB Review", "2021-04-24"][..],
        ),
        (
            "fedramp-high",
            &["2020-10-06", "JAB Review", "2021-04-24"][..],
        ),
        (
            "dod-cc-srg",
            &["2020-10-06", "JAB Review", "DISA Review (IL5)"][..],
        ),
        ("ospar", &["2020-10-06"][..]),
    ] {
        let note = program(&m, id)["note"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: no note"));
        mentions(id, note, words);
        assert!(note.starts_with("EKS: "), "{id}: {note}");
    }
    mentions(
        "latest.note",
        m["latest"]["note"].as_str().unwrap(),
        &["third-party audits", "AWS Artifact"],
    );
    mentions(
        "source.note",
        m["source"]["note"].as_str().unwrap(),
        &["Orchestrator"],
    );
}

#[test]
fn the_schema_describes_every_field_matrix_json_uses() {
    let m = json(MATRIX);
    let s = json(SCHEMA);
    let props = |v: &Value| -> Vec<String> {
        v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let top = props(&s);
    for k in m.as_object().unwrap().keys() {
        assert!(top.contains(k), "schema lacks top-level '{k}'");
    }
    let link = props(&s["$defs"]["link"]);
    for k in ["source", "latest", "tags_source"] {
        for f in m[k].as_object().unwrap().keys() {
            assert!(link.contains(f), "schema link lacks '{f}' ({k})");
        }
    }
    let prog = props(&s["properties"]["programs"]["items"]);
    let pattern = s["properties"]["programs"]["items"]["properties"]["tags"]["items"]["pattern"]
        .as_str()
        .unwrap();
    assert_eq!(pattern, "^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$");
    for p in m["programs"].as_array().unwrap() {
        for f in p.as_object().unwrap().keys() {
            assert!(prog.contains(f), "schema program lacks '{f}'");
        }
        for t in strs(&p["tags"]) {
            let (facet, value) = t.split_once(':').unwrap();
            let ok = |x: &str| {
                !x.is_empty()
                    && x.as_bytes()[0] != b'-'
                    && x.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
            };
            assert!(
                ok(facet) && ok(value),
                "{t} does not match the schema's tag pattern"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Revisions
// ---------------------------------------------------------------------------------------------

/// The header and rows of a revision's table, cells trimmed.
fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = text.lines().filter(|l| l.trim_start().starts_with('|'));
    let header = split(lines.next().unwrap());
    let _alignment = lines.next().unwrap();
    (header, lines.map(split).collect())
}

fn eks_cell(text: &str, program: &str) -> String {
    let (header, rows) = table(text);
    let col = header
        .iter()
        .position(|h| h.starts_with("Amazon EKS"))
        .unwrap();
    rows.iter()
        .find(|r| r[0] == program)
        .unwrap_or_else(|| panic!("no row {program}"))[col]
        .clone()
}

#[test]
fn six_revisions_are_embedded_each_naming_its_source_commit() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/revisions");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md"))
        .collect();
    files.sort();
    let dates: Vec<String> = REVISIONS.iter().map(|(d, _)| format!("{d}.md")).collect();
    assert_eq!(files, dates);
    for (date, text) in REVISIONS {
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with("<!-- source: aws/aws-eks-best-practices, content/security/docs/compliance.md at commit ")
                && first.ends_with(&format!(" ({date}) -->")),
            "{date}: {first}"
        );
    }
}

#[test]
fn the_2020_10_06_revision_is_where_eks_became_jab_review_and_ospar_in_scope() {
    let (_, text) = REVISIONS[3];
    assert!(text.starts_with(
        "<!-- source: aws/aws-eks-best-practices, content/security/docs/compliance.md at commit 595975faf97e275d15e0c186c02ff7f25126aacc (2020-10-06) -->\n"
    ));
    let (header, rows) = table(text);
    assert_eq!(header.len(), 5);
    assert_eq!(rows.len(), 20);
    assert_eq!(eks_cell(text, "FedRAMP Moderate (East/West)"), "JAB Review");
    assert_eq!(eks_cell(text, "FedRAMP High (GovCloud)"), "JAB Review");
    assert_eq!(eks_cell(text, "DOD CC SRG"), "JAB Review");
    assert_eq!(eks_cell(text, "OSPAR"), "1");
    assert_eq!(eks_cell(text, "IRAP"), "0");
    // The spelling fix is 2020-10-13's, so this revision still has the seed's typo.
    assert!(rows.iter().any(|r| r[0] == "HITRUSST CSF"));
    let (_, before) = REVISIONS[2];
    assert_eq!(
        eks_cell(before, "FedRAMP Moderate (East/West)"),
        "3PAO Assessment"
    );
    assert_eq!(eks_cell(before, "OSPAR"), "0");
    // 2020-10-13 changed no status: only the spelling of HITRUST.
    let (_, after) = REVISIONS[4];
    let (_, a) = table(after);
    for (r, s) in rows.iter().zip(&a) {
        assert_eq!(r[1..], s[1..], "{}", r[0]);
    }
    assert!(a.iter().any(|r| r[0] == "HITRUST CSF"));
}
