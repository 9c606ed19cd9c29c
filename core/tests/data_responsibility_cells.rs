//! The facts the December 2026 data review changed in single cells of
//! `data/responsibility.json`: who owns a layer of a variant, what the explanation must say, and
//! which source it cites (id and URL).

mod support;

use support::{mentions, Model};

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
