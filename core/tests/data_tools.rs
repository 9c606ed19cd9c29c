//! `data/tools.json`: each tool's own source and the date it was read, and the layers and
//! variants each tool is shown at, checked against `data/responsibility.json` (a tool is shown
//! where the customer owns or shares the layer).

mod support;

use serde_json::Value;
use support::{json, mentions, strs, Model, READ_NOW};

const TOOLS: &str = include_str!("../../data/tools.json");

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
