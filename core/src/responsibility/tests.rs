//! Tests of the responsibility model against the embedded data.
use super::*;
use crate::dataset::validate::is_web_url;

const LAYERS: [&str; 14] = [
    "facilities",
    "hardware",
    "virtualization",
    "host-os",
    "runtime",
    "control-plane",
    "capacity",
    "registry-storage",
    "network-config",
    "iam",
    "cluster-config",
    "images",
    "application",
    "data",
];
const VARIANTS: [&str; 6] = [
    "ecs-ec2",
    "ecs-fargate",
    "eks-self-managed",
    "eks-managed-nodes",
    "eks-fargate",
    "ecr",
];
const COMPUTE: [&str; 5] = [
    "ecs-ec2",
    "ecs-fargate",
    "eks-self-managed",
    "eks-managed-nodes",
    "eks-fargate",
];

fn owner(v: &str, l: &str) -> Owner {
    Model::embedded()
        .owner(v, l)
        .unwrap_or_else(|| panic!("no cell {v}/{l}"))
}

fn ids<T>(items: &[&T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|t| id(t).to_string()).collect()
}

/// The embedded texts with one replacement made, for the validation tests.
fn broken(from: &str, to: &str) -> Result<Model, String> {
    assert!(
        EMBEDDED_RESPONSIBILITY.contains(from),
        "fixture text '{from}' not found"
    );
    Model::from_json(
        &EMBEDDED_RESPONSIBILITY.replacen(from, to, 1),
        EMBEDDED_TOOLS,
    )
}

#[test]
fn embedded_model_has_the_design_ids_in_order() {
    let m = Model::embedded();
    let layers: Vec<&str> = m.layers.iter().map(|l| &*l.id).collect();
    assert_eq!(layers, LAYERS);
    let variants: Vec<&str> = m.variants.iter().map(|v| &*v.id).collect();
    assert_eq!(variants, VARIANTS);
    assert_eq!(m.layer("host-os").unwrap().name, "Host OS and patching");
    assert_eq!(m.layer("hardware").unwrap().name, "Hardware and network");
    assert_eq!(
        m.variant("eks-managed-nodes").unwrap().name,
        "Amazon EKS, managed node groups"
    );
}

#[test]
fn owner_ids_and_texts_round_trip() {
    for o in Owner::ALL {
        assert_eq!(Owner::from_id(o.id()), Some(o));
    }
    assert_eq!(Owner::NotApplicable.id(), "n/a");
    assert_eq!(Owner::NotApplicable.text(), "Not applicable");
    assert_eq!(Owner::Aws.text(), "AWS");
    assert_eq!(Owner::from_id("AWS"), None);
    assert_eq!(
        serde_json::to_string(&Owner::NotApplicable).unwrap(),
        "\"n/a\""
    );
}

#[test]
fn every_variant_places_every_layer_once() {
    let m = Model::embedded();
    for v in m.variants.iter() {
        let placed: Vec<&str> = v.cells.iter().map(|b| &*b.layer).collect();
        assert_eq!(placed, LAYERS, "{}", v.id);
    }
}

#[test]
fn every_cell_names_a_known_source() {
    let m = Model::embedded();
    for v in m.variants.iter() {
        for b in v.cells.iter() {
            let s = m
                .source(&b.source)
                .unwrap_or_else(|| panic!("{}/{}: unknown source {}", v.id, b.layer, b.source));
            assert!(s.url.starts_with("https://"), "{}", s.url);
            assert!(!b.explanation.trim().is_empty());
            assert!(
                !b.explanation.contains('\n'),
                "one line: {}/{}",
                v.id,
                b.layer
            );
        }
    }
}

#[test]
fn sources_are_the_named_aws_pages() {
    let m = Model::embedded();
    let urls: Vec<&str> = m.sources.iter().map(|s| &*s.url).collect();
    for url in [
        "https://docs.aws.amazon.com/eks/latest/best-practices/security.html",
        "https://github.com/aws/aws-eks-best-practices/blob/e974e805520ab679521c2e8416b4c9e7d11ce101/content/security/docs/compliance.md",
        // The shared-responsibility page, not the chapter index (security.html).
        "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html",
        "https://docs.aws.amazon.com/eks/latest/userguide/security.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/infrastructure-security.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-compliance.html",
        "https://aws.amazon.com/compliance/shared-responsibility-model/",
    ] {
        assert!(urls.contains(&url), "missing source {url}");
    }
    // Every source is cited by some cell.
    for s in m.sources.iter() {
        assert!(
            m.variants
                .iter()
                .any(|v| v.note_source.as_deref() == Some(&*s.id)
                    || v.cells
                        .iter()
                        .any(|b| b.source == s.id || b.see_also.contains(&s.id))),
            "source {} is never cited",
            s.id
        );
    }
}

#[test]
fn ecs_on_fargate_aws_owns_facilities_through_runtime_and_customer_owns_images_and_application() {
    for l in [
        "facilities",
        "hardware",
        "virtualization",
        "host-os",
        "runtime",
    ] {
        assert_eq!(owner("ecs-fargate", l), Owner::Aws, "{l}");
    }
    assert_eq!(owner("ecs-fargate", "control-plane"), Owner::Aws);
    assert_eq!(owner("ecs-fargate", "capacity"), Owner::Aws);
    assert_eq!(owner("ecs-fargate", "images"), Owner::Customer);
    assert_eq!(owner("ecs-fargate", "application"), Owner::Customer);
    let m = Model::embedded();
    let seed = m
        .source(&m.band("ecs-fargate", "runtime").unwrap().source)
        .unwrap();
    assert!(seed
        .url
        .contains("e974e805520ab679521c2e8416b4c9e7d11ce101"));
}

#[test]
fn ecs_on_ec2_customer_owns_the_instances_and_aws_the_control_plane() {
    for l in ["host-os", "runtime", "capacity"] {
        assert_eq!(owner("ecs-ec2", l), Owner::Customer, "{l}");
    }
    for l in ["facilities", "hardware", "virtualization", "control-plane"] {
        assert_eq!(owner("ecs-ec2", l), Owner::Aws, "{l}");
    }
}

#[test]
fn eks_node_os_is_customer_shared_or_aws_by_node_type() {
    assert_eq!(owner("eks-self-managed", "host-os"), Owner::Customer);
    assert_eq!(owner("eks-managed-nodes", "host-os"), Owner::Shared);
    assert_eq!(owner("eks-fargate", "host-os"), Owner::Aws);
    assert_eq!(owner("eks-fargate", "runtime"), Owner::Aws);
    assert_eq!(owner("eks-fargate", "capacity"), Owner::Aws);
    assert_eq!(owner("eks-managed-nodes", "capacity"), Owner::Customer);
    for v in ["eks-self-managed", "eks-managed-nodes", "eks-fargate"] {
        assert_eq!(owner(v, "control-plane"), Owner::Aws, "{v}");
    }
}

#[test]
fn customer_owns_network_iam_config_images_application_and_data_on_every_compute_variant() {
    for v in COMPUTE {
        for l in [
            "network-config",
            "iam",
            "cluster-config",
            "images",
            "application",
            "data",
        ] {
            assert_eq!(owner(v, l), Owner::Customer, "{v}/{l}");
        }
        assert_eq!(owner(v, "registry-storage"), Owner::NotApplicable, "{v}");
        for l in ["facilities", "hardware"] {
            assert_eq!(owner(v, l), Owner::Aws, "{v}/{l}");
        }
    }
}

#[test]
fn ecr_has_no_control_plane() {
    assert_eq!(owner("ecr", "control-plane"), Owner::NotApplicable);
    assert_eq!(owner("ecr", "capacity"), Owner::NotApplicable);
    assert_eq!(owner("ecr", "runtime"), Owner::NotApplicable);
    assert_eq!(owner("ecr", "registry-storage"), Owner::Aws);
    for l in ["iam", "images", "network-config"] {
        assert_eq!(owner("ecr", l), Owner::Customer, "{l}");
    }
    // Encrypted at rest by default with S3-managed keys (ECR UG encryption-at-rest); the
    // customer chooses KMS keys and what is pushed.
    assert_eq!(owner("ecr", "data"), Owner::Shared);
    let vpc = Model::embedded()
        .band("ecr", "network-config")
        .unwrap()
        .explanation
        .clone();
    assert!(vpc.contains("VPC endpoints"), "{vpc}");
}

#[test]
fn unknown_ids_have_no_owner() {
    let m = Model::embedded();
    assert_eq!(m.owner("lambda", "data"), None);
    assert_eq!(m.owner("ecr", "kernel"), None);
    assert!(m.tools_for("lambda", "host-os").is_empty());
}

#[test]
fn the_fargate_column_is_ecs_on_fargate_only() {
    let m = Model::embedded();
    // The seed's "ECS Fargate" column is ECS on Fargate; EKS on Fargate stands for the EKS
    // column only (the seed has no column for it; the review of 2026-12).
    let f = m.variants_for_service("fargate");
    assert_eq!(ids(&f, |v: &Variant| &v.id), ["ecs-fargate"]);
    let eks = m.variants_for_service("eks");
    assert_eq!(
        ids(&eks, |v: &Variant| &v.id),
        ["eks-self-managed", "eks-managed-nodes", "eks-fargate"]
    );
    assert_eq!(
        ids(&m.variants_for_service("ecs"), |v: &Variant| &v.id),
        ["ecs-ec2", "ecs-fargate"]
    );
    assert!(m.variants_for_service("lambda").is_empty());
    let both = m.variants_for_services(&["ecr", "fargate"]);
    assert_eq!(ids(&both, |v: &Variant| &v.id), ["ecs-fargate", "ecr"]);
}

#[test]
fn every_variant_service_is_a_seed_matrix_service() {
    let ds = crate::dataset::Dataset::embedded();
    let services: Vec<&str> = ds.services.iter().map(|s| &*s.id).collect();
    let m = Model::embedded();
    for v in m.variants.iter() {
        for s in v.services.iter() {
            assert!(services.contains(&&**s), "{}: {s}", v.id);
        }
    }
    for s in &services {
        assert!(!m.variants_for_service(s).is_empty(), "no variant for {s}");
    }
}

#[test]
fn tools_mark_actuary_archived() {
    let m = Model::embedded();
    let ids: Vec<&str> = m.tools.iter().map(|t| &*t.id).collect();
    assert_eq!(
        ids,
        [
            "kube-bench",
            "docker-bench-security",
            "actuary",
            "amazon-inspector"
        ]
    );
    assert!(m.tool("actuary").unwrap().archived);
    for t in ["kube-bench", "docker-bench-security", "amazon-inspector"] {
        assert!(!m.tool(t).unwrap().archived, "{t}");
    }
    let inspector = m.tool("amazon-inspector").unwrap();
    assert_eq!(inspector.aliases.as_ref(), [Text::from("AWS Inspector")]);
    assert_eq!(inspector.url, "https://aws.amazon.com/inspector/");
    // Each tool cites the page its mapping comes from, at a commit where it is a repository.
    for (t, page) in [
        (
            "kube-bench",
            "aquasecurity/kube-bench/tree/a73ce378418c71c5861e6963753f50dec3badadf",
        ),
        (
            "docker-bench-security",
            "docker/docker-bench-security/blob/ff26d67f",
        ),
        ("actuary", "diogomonica/actuary/blob/7cc23f2d"),
        (
            "amazon-inspector",
            "docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html",
        ),
    ] {
        assert!(m.tool(t).unwrap().source.url.contains(page), "{t}");
    }
}

#[test]
fn tools_for_a_layer_skip_what_aws_secures() {
    let m = Model::embedded();
    let names = |v: &str, l: &str| -> Vec<String> { ids(&m.tools_for(v, l), |t: &Tool| &t.id) };
    // kube-bench checks the kubelet and cluster configuration, not OS patching.
    assert_eq!(
        names("eks-self-managed", "host-os"),
        ["docker-bench-security", "actuary", "amazon-inspector"]
    );
    assert_eq!(names("eks-managed-nodes", "host-os"), ["amazon-inspector"]);
    assert_eq!(names("eks-managed-nodes", "runtime"), ["kube-bench"]);
    assert_eq!(names("ecr", "images"), ["amazon-inspector"]);
    // Inspector names ECR and host-os, but ECR's hosts are AWS's.
    assert!(names("ecr", "host-os").is_empty());
    // No nodes to run a benchmark on with Fargate.
    assert!(names("eks-fargate", "host-os").is_empty());
    assert!(names("ecs-fargate", "runtime").is_empty());
    assert_eq!(names("eks-fargate", "cluster-config"), Vec::<String>::new());
    assert_eq!(names("eks-self-managed", "cluster-config"), ["kube-bench"]);
}

#[test]
fn cells_in_any_order_are_put_in_layer_order() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_RESPONSIBILITY).unwrap();
    v["variants"][0]["cells"].as_array_mut().unwrap().reverse();
    let m = Model::from_json(&v.to_string(), EMBEDDED_TOOLS).unwrap();
    assert_eq!(m, *Model::embedded());
}

#[test]
fn a_missing_layer_is_refused_and_named() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_RESPONSIBILITY).unwrap();
    v["variants"][5]["cells"].as_array_mut().unwrap().remove(13);
    let e = Model::from_json(&v.to_string(), EMBEDDED_TOOLS).unwrap_err();
    assert!(e.starts_with("variants[5].cells: "), "{e}");
    assert!(e.contains("'data'"), "{e}");
}

#[test]
fn a_layer_placed_twice_is_refused() {
    let e = broken(r#""layer": "hardware""#, r#""layer": "facilities""#).unwrap_err();
    assert!(e.starts_with("variants[0].cells[1].layer: "), "{e}");
    assert!(e.contains("twice"), "{e}");
}

#[test]
fn an_unknown_source_or_owner_is_refused() {
    let e = broken(
        r#""source": "shared-responsibility-model""#,
        r#""source": "blog""#,
    )
    .unwrap_err();
    assert!(e.starts_with("variants[0].cells[0].source: "), "{e}");
    let e = broken(r#""owner": "aws""#, r#""owner": "AWS""#).unwrap_err();
    assert!(e.starts_with("responsibility.json line "), "{e}");
}

#[test]
fn links_must_be_http_or_https() {
    let e = broken(
        "https://aws.amazon.com/compliance/shared-responsibility-model/",
        "javascript:alert(1)",
    )
    .unwrap_err();
    assert!(e.starts_with("sources[0].url: "), "{e}");
    let tools = EMBEDDED_TOOLS.replacen(
        "https://github.com/aquasecurity/kube-bench",
        "mailto:x@example.com",
        1,
    );
    let e = Model::from_json(EMBEDDED_RESPONSIBILITY, &tools).unwrap_err();
    assert!(e.starts_with("tools[0].url: "), "{e}");
    assert!(is_web_url("http://example.com/a"));
    assert!(!is_web_url("https://"));
    assert!(!is_web_url("https://a b"));
    assert!(!is_web_url("data:text/html,x"));
}

#[test]
fn a_tool_naming_an_unknown_variant_is_refused() {
    let tools = EMBEDDED_TOOLS.replacen(r#""eks-self-managed""#, r#""gke""#, 1);
    let e = Model::from_json(EMBEDDED_RESPONSIBILITY, &tools).unwrap_err();
    assert!(e.starts_with("tools[0].variants[0]: "), "{e}");
}
