// Generated from data/responsibility.json and data/tools.json (parsed and validated) by
// core/tests/embedded_data.rs: `make options` writes it, a test fails when it differs.
use super::{Band, Layer, Model, Owner, Source, Tool, ToolSource, Variant};
use std::borrow::Cow::Borrowed as B;

static S0: [Source; 27] = [
    Source { id: B("shared-responsibility-model"), title: B("AWS Shared Responsibility Model"), url: B("https://aws.amazon.com/compliance/shared-responsibility-model/"), as_of: B("2026-11-29") },
    Source { id: B("eks-bp-compliance-2020-04-21"), title: B("Amazon EKS Best Practices Guide — Compliance (the seed, 2020-04-21)"), url: B("https://github.com/aws/aws-eks-best-practices/blob/e974e805520ab679521c2e8416b4c9e7d11ce101/content/security/docs/compliance.md"), as_of: B("2026-12-01") },
    Source { id: B("eks-bp-security"), title: B("Amazon EKS Best Practices Guide — Security: the shared responsibility model (diagrams for managed node groups and Fargate)"), url: B("https://docs.aws.amazon.com/eks/latest/best-practices/security.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-bp-cluster-upgrades"), title: B("Amazon EKS Best Practices Guide — Best Practices for Cluster Upgrades"), url: B("https://docs.aws.amazon.com/eks/latest/best-practices/cluster-upgrades.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-security"), title: B("Amazon EKS User Guide — Security in Amazon EKS"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/security.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-managed-node-groups"), title: B("Amazon EKS User Guide — Simplify node lifecycle with managed node groups"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-dockershim"), title: B("Amazon EKS User Guide — Migrate from dockershim to containerd"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/dockershim-deprecation.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-fargate"), title: B("Amazon EKS User Guide — Simplify compute management with AWS Fargate"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-fargate-pod-patching"), title: B("Amazon EKS User Guide — Set actions for AWS Fargate OS patching events"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-patching.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-security-groups-for-pods"), title: B("Amazon EKS User Guide — Assign security groups to individual pods"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-network-policy"), title: B("Amazon EKS User Guide — Limit pod traffic with Kubernetes network policies"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-cluster-endpoint"), title: B("Amazon EKS User Guide — Control network access to cluster API server endpoint"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-control-plane-logs"), title: B("Amazon EKS User Guide — Send control plane logs to CloudWatch Logs"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html"), as_of: B("2026-12-01") },
    Source { id: B("eks-ug-service-quotas"), title: B("Amazon EKS User Guide — View and manage Amazon EKS and Fargate service quotas"), url: B("https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-bp-shared-responsibility"), title: B("Amazon ECS Best Practices Guide — Shared responsibility model"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-bp-iam"), title: B("Amazon ECS Best Practices Guide — AWS Identity and Access Management"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-bp-iam-roles"), title: B("Amazon ECS Best Practices Guide — Using IAM roles with Amazon ECS tasks"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam-roles.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-bp-tasks-containers"), title: B("Amazon ECS Best Practices Guide — Task and container security"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-tasks-containers.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-dg-shared-responsibility"), title: B("Amazon ECS Developer Guide — Shared responsibility model for Amazon ECS"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-dg-agent-update"), title: B("Amazon ECS Developer Guide — Updating the Amazon ECS container agent on an Amazon ECS-optimized AMI"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/agent-update-ecs-ami.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-dg-service-auto-scaling"), title: B("Amazon ECS Developer Guide — Automatically scale your Amazon ECS service"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html"), as_of: B("2026-12-01") },
    Source { id: B("ecs-dg-service-quotas"), title: B("Amazon ECS Developer Guide — Handle Amazon ECS service quotas and API throttling limits"), url: B("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/operating-at-scale-service-quotas.html"), as_of: B("2026-12-01") },
    Source { id: B("ecr-what-is"), title: B("Amazon ECR User Guide — What is Amazon Elastic Container Registry?"), url: B("https://docs.aws.amazon.com/AmazonECR/latest/userguide/what-is-ecr.html"), as_of: B("2026-12-01") },
    Source { id: B("ecr-infrastructure-security"), title: B("Amazon ECR User Guide — Infrastructure security in Amazon ECR"), url: B("https://docs.aws.amazon.com/AmazonECR/latest/userguide/infrastructure-security.html"), as_of: B("2026-12-01") },
    Source { id: B("ecr-encryption-at-rest"), title: B("Amazon ECR User Guide — Encryption at rest"), url: B("https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"), as_of: B("2026-12-01") },
    Source { id: B("ecr-image-scanning"), title: B("Amazon ECR User Guide — Scan images for software vulnerabilities in Amazon ECR"), url: B("https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"), as_of: B("2026-12-01") },
    Source { id: B("ecr-compliance"), title: B("Amazon ECR User Guide — Compliance validation for Amazon ECR"), url: B("https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-compliance.html"), as_of: B("2026-12-01") },
];
static S1: [Layer; 14] = [
    Layer { id: B("facilities"), name: B("Facilities") },
    Layer { id: B("hardware"), name: B("Hardware and network") },
    Layer { id: B("virtualization"), name: B("Virtualization / EC2 hosts") },
    Layer { id: B("host-os"), name: B("Host OS and patching") },
    Layer { id: B("runtime"), name: B("Container runtime and agents") },
    Layer { id: B("control-plane"), name: B("Orchestration control plane") },
    Layer { id: B("capacity"), name: B("Capacity and scaling") },
    Layer { id: B("registry-storage"), name: B("Registry storage") },
    Layer { id: B("network-config"), name: B("Network configuration") },
    Layer { id: B("iam"), name: B("Identity and access") },
    Layer { id: B("cluster-config"), name: B("Cluster / service configuration") },
    Layer { id: B("images"), name: B("Container images") },
    Layer { id: B("application"), name: B("Application code") },
    Layer { id: B("data"), name: B("Data") },
];
static S2: [super::Text; 1] = [
    B("ecs"),
];
static S3: [super::Text; 2] = [
    B("ecs-dg-agent-update"),
    B("eks-ug-managed-node-groups"),
];
static S4: [super::Text; 1] = [
    B("ecs-bp-iam"),
];
static S5: [super::Text; 1] = [
    B("ecs-bp-iam-roles"),
];
static S6: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS secures the data centres: physical access, power and environment."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS owns and protects the servers, storage and global network underneath."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("AWS runs the EC2 hypervisor and virtual infrastructure; the instances' guest OS is the next layer up."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Customer, explanation: B("The customer patches the container instances' OS, as ECS's own page says, although AWS publishes patched ECS-optimized AMIs; EKS's page calls managed node groups shared only because it splits the work (AWS builds the patched AMI, the customer deploys it)."), source: B("ecs-dg-shared-responsibility"), see_also: B(&S3) },
    Band { layer: B("runtime"), owner: Owner::Customer, explanation: B("The customer updates the ECS container agent and the container runtime on each instance, by launching instances from a newer ECS-optimized AMI or by updating the agent and ecs-init in place."), source: B("ecs-dg-agent-update"), see_also: B(&[]) },
    Band { layer: B("control-plane"), owner: Owner::Aws, explanation: B("AWS runs the ECS control plane that schedules and tracks tasks and services, with the infrastructure it needs; the customer's part is deciding who may call its API, with IAM policies (see Identity and access)."), source: B("ecs-bp-shared-responsibility"), see_also: B(&S4) },
    Band { layer: B("capacity"), owner: Owner::Customer, explanation: B("The customer provisions and scales the EC2 container instances the tasks run on."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("registry-storage"), owner: Owner::NotApplicable, explanation: B("ECS stores no images; they live in a registry such as Amazon ECR (see that column)."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer configures the VPC, subnets, security groups and task networking."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer writes the IAM policies that control access to ECS and gives each task its own task role, separate from the instance role."), source: B("ecs-bp-iam"), see_also: B(&S5) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer defines clusters, services and task definitions, including their runtime security settings (Linux capabilities, privileged mode), logging and monitoring."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer builds, scans and patches the container images."), source: B("ecs-bp-tasks-containers"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::Customer, explanation: B("The customer secures the application code running in the tasks."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Customer, explanation: B("The customer classifies, encrypts and controls access to the workload's data."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
];
static S7: [super::Text; 2] = [
    B("ecs"),
    B("fargate"),
];
static S8: [super::Text; 3] = [
    B("ecs-dg-service-auto-scaling"),
    B("ecs-bp-tasks-containers"),
    B("ecs-dg-service-quotas"),
];
static S9: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS manages the physical security of its data centres (the seed, on Fargate)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS manages the hardware under Fargate (the seed)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("AWS manages the virtual infrastructure (Amazon EC2) that Fargate runs on (the seed)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Aws, explanation: B("AWS provisions and patches the isolated environment each task runs in, which shares no kernel with other tasks."), source: B("ecs-dg-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("runtime"), owner: Owner::Aws, explanation: B("AWS manages the container runtime (the seed says Docker; later AWS material says containerd)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("control-plane"), owner: Owner::Aws, explanation: B("AWS runs the ECS control plane that schedules and tracks tasks and services, with the infrastructure it needs; the customer's part is deciding who may call its API, with IAM policies (see Identity and access)."), source: B("ecs-bp-shared-responsibility"), see_also: B(&S4) },
    Band { layer: B("capacity"), owner: Owner::Aws, explanation: B("AWS provides and scales the compute under each task, but the number of tasks (service auto scaling), each task's CPU and memory, and the Fargate quotas stay the customer's."), source: B("ecs-bp-shared-responsibility"), see_also: B(&S8) },
    Band { layer: B("registry-storage"), owner: Owner::NotApplicable, explanation: B("ECS stores no images; they live in a registry such as Amazon ECR (see that column)."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer configures the VPC, subnets and security groups of each task."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer writes the IAM policies that control access to ECS, the task roles and the task execution roles."), source: B("ecs-bp-iam"), see_also: B(&S5) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer defines clusters, services and task definitions, including their runtime security settings (Linux capabilities, privileged mode), logging and monitoring."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer secures the container image (the seed, on Fargate)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::Customer, explanation: B("The customer secures their application (the seed, on Fargate)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Customer, explanation: B("The customer classifies, encrypts and controls access to the workload's data."), source: B("ecs-bp-shared-responsibility"), see_also: B(&[]) },
];
static S10: [super::Text; 1] = [
    B("eks"),
];
static S11: [super::Text; 1] = [
    B("eks-ug-dockershim"),
];
static S12: [super::Text; 3] = [
    B("eks-bp-cluster-upgrades"),
    B("eks-ug-cluster-endpoint"),
    B("eks-ug-control-plane-logs"),
];
static S13: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS secures the data centres: physical access, power and environment."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS owns and protects the servers, storage and global network underneath."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("AWS runs the EC2 hypervisor and virtual infrastructure; the instances' guest OS is the next layer up."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Customer, explanation: B("The customer patches and hardens the worker nodes' OS and AMI configuration."), source: B("eks-ug-security"), see_also: B(&[]) },
    Band { layer: B("runtime"), owner: Owner::Customer, explanation: B("The customer updates kubelet and the container runtime on each node (official EKS AMIs ship containerd only since Kubernetes 1.24)."), source: B("eks-bp-security"), see_also: B(&S11) },
    Band { layer: B("control-plane"), owner: Owner::Aws, explanation: B("AWS runs and secures the API server, scheduler, controller manager and etcd, but the customer starts each Kubernetes version upgrade, chooses public or private endpoint access, and turns on the control-plane logs, which are off by default."), source: B("eks-ug-security"), see_also: B(&S12) },
    Band { layer: B("capacity"), owner: Owner::Customer, explanation: B("The customer provisions and scales the worker nodes."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("registry-storage"), owner: Owner::NotApplicable, explanation: B("EKS stores no images; they live in a registry such as Amazon ECR (see that column)."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer configures the VPC, data-plane security groups and network policies."), source: B("eks-ug-security"), see_also: B(&[]) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer writes the IAM policies and maps IAM identities to Kubernetes users and pod roles."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer owns cluster configuration: RBAC, pod and runtime security, quotas and add-ons."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer builds, scans and patches the container images."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::Customer, explanation: B("The customer secures the application code running in the pods."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Customer, explanation: B("The customer classifies, encrypts and controls access to the workload's data."), source: B("eks-bp-security"), see_also: B(&[]) },
];
static S14: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS secures the data centres: physical access, power and environment."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS owns and protects the servers, storage and global network underneath."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("AWS runs the EC2 hypervisor and virtual infrastructure; the instances' guest OS is the next layer up."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Shared, explanation: B("AWS builds patched EKS-optimized AMIs and the customer deploys them to the node group; with a custom AMI, building and deploying the patched AMI are both the customer's."), source: B("eks-ug-managed-node-groups"), see_also: B(&[]) },
    Band { layer: B("runtime"), owner: Owner::Shared, explanation: B("kubelet and the container runtime ship in the AWS-built AMI and the customer updates the node group to get new versions; with a custom AMI they are the customer's."), source: B("eks-ug-managed-node-groups"), see_also: B(&[]) },
    Band { layer: B("control-plane"), owner: Owner::Aws, explanation: B("AWS runs and secures the API server, scheduler, controller manager and etcd, but the customer starts each Kubernetes version upgrade, chooses public or private endpoint access, and turns on the control-plane logs, which are off by default."), source: B("eks-ug-security"), see_also: B(&S12) },
    Band { layer: B("capacity"), owner: Owner::Customer, explanation: B("The customer sets the node group's size and scaling."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("registry-storage"), owner: Owner::NotApplicable, explanation: B("EKS stores no images; they live in a registry such as Amazon ECR (see that column)."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer configures the VPC, data-plane security groups and network policies."), source: B("eks-ug-security"), see_also: B(&[]) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer writes the IAM policies and maps IAM identities to Kubernetes users and pod roles."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer owns cluster configuration: RBAC, pod and runtime security, quotas and add-ons."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer builds, scans and patches the container images."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::Customer, explanation: B("The customer secures the application code running in the pods."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Customer, explanation: B("The customer classifies, encrypts and controls access to the workload's data."), source: B("eks-bp-security"), see_also: B(&[]) },
];
static S15: [super::Text; 1] = [
    B("eks-bp-cluster-upgrades"),
];
static S16: [super::Text; 1] = [
    B("eks-ug-service-quotas"),
];
static S17: [super::Text; 2] = [
    B("eks-ug-network-policy"),
    B("eks-ug-fargate"),
];
static S18: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS manages the physical security of its data centres (the seed, on Fargate)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS manages the hardware under Fargate (the seed)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("AWS manages the virtual infrastructure (Amazon EC2) that Fargate runs on (the seed)."), source: B("eks-bp-compliance-2020-04-21"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Aws, explanation: B("AWS patches the OS of Fargate nodes by recycling them, which evicts pods, so pod disruption budgets and handling failed evictions are the customer's."), source: B("eks-ug-fargate-pod-patching"), see_also: B(&[]) },
    Band { layer: B("runtime"), owner: Owner::Aws, explanation: B("AWS manages kubelet and the container runtime on Fargate, but after a control-plane upgrade the customer redeploys the pods to move them to the new kubelet version."), source: B("eks-bp-security"), see_also: B(&S15) },
    Band { layer: B("control-plane"), owner: Owner::Aws, explanation: B("AWS runs and secures the API server, scheduler, controller manager and etcd, but the customer starts each Kubernetes version upgrade, chooses public or private endpoint access, and turns on the control-plane logs, which are off by default."), source: B("eks-ug-security"), see_also: B(&S12) },
    Band { layer: B("capacity"), owner: Owner::Aws, explanation: B("AWS provides a right-sized node for each pod, but scaling the pods (Horizontal and Vertical Pod Autoscaler), their CPU and memory requests, Fargate profiles and the Fargate quotas stay the customer's."), source: B("eks-ug-fargate"), see_also: B(&S16) },
    Band { layer: B("registry-storage"), owner: Owner::NotApplicable, explanation: B("EKS stores no images; they live in a registry such as Amazon ECR (see that column)."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer configures the VPC, private subnets and security groups for pods, since Kubernetes network policies of the VPC CNI apply to EC2 Linux nodes only, not to Fargate pods."), source: B("eks-ug-security-groups-for-pods"), see_also: B(&S17) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer writes the IAM policies and maps IAM identities to Kubernetes users and pod roles."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer owns cluster configuration: RBAC, pod and runtime security, quotas and add-ons."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer builds, scans and patches the container images."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::Customer, explanation: B("The customer secures the application code running in the pods."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Customer, explanation: B("The customer classifies, encrypts and controls access to the workload's data."), source: B("eks-bp-security"), see_also: B(&[]) },
];
static S19: [super::Text; 1] = [
    B("ecr"),
];
static S20: [super::Text; 1] = [
    B("ecr-compliance"),
];
static S21: [Band; 14] = [
    Band { layer: B("facilities"), owner: Owner::Aws, explanation: B("AWS secures the data centres that run the registry."), source: B("shared-responsibility-model"), see_also: B(&[]) },
    Band { layer: B("hardware"), owner: Owner::Aws, explanation: B("AWS protects the service with its global network security."), source: B("ecr-infrastructure-security"), see_also: B(&[]) },
    Band { layer: B("virtualization"), owner: Owner::Aws, explanation: B("As a managed service, ECR's virtual infrastructure is AWS's."), source: B("ecr-infrastructure-security"), see_also: B(&[]) },
    Band { layer: B("host-os"), owner: Owner::Aws, explanation: B("AWS runs the servers behind the registry and keeps the images in S3 buckets that ECR manages; the customer runs no hosts."), source: B("ecr-encryption-at-rest"), see_also: B(&[]) },
    Band { layer: B("runtime"), owner: Owner::NotApplicable, explanation: B("ECR stores and serves images; it runs no containers."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("control-plane"), owner: Owner::NotApplicable, explanation: B("There is no cluster or orchestrator; the registry API is under Registry storage."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("capacity"), owner: Owner::NotApplicable, explanation: B("ECR has no compute for anyone to size or scale; how much the registry stores is covered under Registry storage."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("registry-storage"), owner: Owner::Aws, explanation: B("AWS runs the registry API, stores the image layers in S3 buckets that ECR manages and keeps them available."), source: B("ecr-encryption-at-rest"), see_also: B(&[]) },
    Band { layer: B("network-config"), owner: Owner::Customer, explanation: B("The customer limits network access with VPC endpoints and their policies and with repository policies that can require a source IP or VPC; AWS's own network protection is in Hardware and network."), source: B("ecr-infrastructure-security"), see_also: B(&[]) },
    Band { layer: B("iam"), owner: Owner::Customer, explanation: B("The customer controls access with IAM and repository policies; requests are signed."), source: B("ecr-infrastructure-security"), see_also: B(&[]) },
    Band { layer: B("cluster-config"), owner: Owner::Customer, explanation: B("The customer configures each repository and the registry's image scanning: basic or enhanced, on push, continuous or manual."), source: B("ecr-image-scanning"), see_also: B(&[]) },
    Band { layer: B("images"), owner: Owner::Customer, explanation: B("The customer is responsible for what goes into the images, their vulnerabilities included."), source: B("eks-bp-security"), see_also: B(&[]) },
    Band { layer: B("application"), owner: Owner::NotApplicable, explanation: B("ECR runs no code; the application inside an image is secured where it runs."), source: B("ecr-what-is"), see_also: B(&[]) },
    Band { layer: B("data"), owner: Owner::Shared, explanation: B("ECR encrypts stored images at rest by default with S3-managed keys, a KMS key being optional, while the customer decides how sensitive the images are and who may pull them."), source: B("ecr-encryption-at-rest"), see_also: B(&S20) },
];
static S22: [Variant; 6] = [
    Variant { id: B("ecs-ec2"), name: B("Amazon ECS on EC2"), short: B("ECS on EC2"), services: B(&S2), cells: B(&S6), note: None, note_source: None },
    Variant { id: B("ecs-fargate"), name: B("Amazon ECS on AWS Fargate"), short: B("ECS on Fargate"), services: B(&S7), cells: B(&S9), note: None, note_source: None },
    Variant { id: B("eks-self-managed"), name: B("Amazon EKS, self-managed nodes"), short: B("EKS self-managed"), services: B(&S10), cells: B(&S13), note: None, note_source: None },
    Variant { id: B("eks-managed-nodes"), name: B("Amazon EKS, managed node groups"), short: B("EKS managed nodes"), services: B(&S10), cells: B(&S14), note: None, note_source: None },
    Variant { id: B("eks-fargate"), name: B("Amazon EKS on Fargate"), short: B("EKS on Fargate"), services: B(&S10), cells: B(&S18), note: Some(B("The seed's table has no column for EKS on Fargate (its 'ECS Fargate' column is ECS on Fargate), so this variant is linked to the EKS column only; the EKS User Guide notes that AWS Fargate with Amazon EKS isn't available in AWS GovCloud (US-East and US-West).")), note_source: Some(B("eks-ug-fargate")) },
    Variant { id: B("ecr"), name: B("Amazon ECR"), short: B("ECR"), services: B(&S19), cells: B(&S21), note: None, note_source: None },
];
static S23: [super::Text; 5] = [
    B("runtime"),
    B("cluster-config"),
    B("iam"),
    B("network-config"),
    B("images"),
];
static S24: [super::Text; 2] = [
    B("eks-self-managed"),
    B("eks-managed-nodes"),
];
static S25: [super::Text; 2] = [
    B("host-os"),
    B("runtime"),
];
static S26: [super::Text; 2] = [
    B("ecs-ec2"),
    B("eks-self-managed"),
];
static S27: [super::Text; 1] = [
    B("AWS Inspector"),
];
static S28: [super::Text; 2] = [
    B("host-os"),
    B("images"),
];
static S29: [super::Text; 6] = [
    B("ecs-ec2"),
    B("ecs-fargate"),
    B("eks-self-managed"),
    B("eks-managed-nodes"),
    B("eks-fargate"),
    B("ecr"),
];
static S30: [Tool; 4] = [
    Tool { id: B("kube-bench"), name: B("kube-bench"), aliases: B(&[]), url: B("https://github.com/aquasecurity/kube-bench"), summary: B("CIS Amazon EKS Benchmark checks of nodes and the cluster"), checks: B("Checks an EKS cluster against the CIS Amazon EKS Benchmark: kubelet configuration files and arguments on the worker nodes, RBAC and pod security, the CNI and network policies, secrets, IAM, KMS and ECR image scanning; it does not check OS patching."), layers: B(&S23), variants: B(&S24), archived: false, source: ToolSource { title: B("aquasecurity/kube-bench — the CIS Amazon EKS Benchmark checks (cfg/eks-1.8.0)"), url: B("https://github.com/aquasecurity/kube-bench/tree/a73ce378418c71c5861e6963753f50dec3badadf/cfg/eks-1.8.0"), note: Some(B("Listed by the seed; its EKS benchmark arrived on 2020-07-10 (commit 20ec5d1, cfg/eks-1.0), after the seed, and the EKS User Guide names it for the CIS EKS Benchmark. It runs as a Job with hostPID and the node's kubelet, systemd and Kubernetes directories mounted (job-eks.yaml), which a Fargate pod cannot have, so it is not shown for EKS on Fargate; its checks cover kubelet, RBAC, pod security, CNI and network policies, secrets, IAM, KMS and ECR, not OS patching, so it is not shown at Host OS.")), as_of: B("2026-12-01") } },
    Tool { id: B("docker-bench-security"), name: B("docker-bench-security"), aliases: B(&[]), url: B("https://github.com/docker/docker-bench-security"), summary: B("CIS Docker Benchmark checks of a Docker host"), checks: B("Checks a Docker host against the CIS Docker Benchmark: host configuration, the Docker daemon and its files, and the images and containers on that host; it stops without a Docker daemon."), layers: B(&S25), variants: B(&S26), archived: false, source: ToolSource { title: B("docker/docker-bench-security — docker-bench-security.sh"), url: B("https://github.com/docker/docker-bench-security/blob/ff26d67f25be60fc2d82a01710ee14570b2cb9db/docker-bench-security.sh"), note: Some(B("Listed by the seed. The script exits with 'Error connecting to docker daemon' where no Docker daemon runs, so it fits ECS on EC2 (ECS-optimized AMIs ship Docker); on EKS it applies to self-managed nodes only when they run a Docker runtime, since official EKS AMIs ship containerd only from Kubernetes 1.24 (EKS User Guide, dockershim deprecation).")), as_of: B("2026-12-01") } },
    Tool { id: B("actuary"), name: B("actuary"), aliases: B(&[]), url: B("https://github.com/diogomonica/actuary"), summary: B("Docker best-practice audits of a Docker host"), checks: B("Audits a Docker or Swarm host against Docker best-practice checklists; it stops without a Docker daemon."), layers: B(&S25), variants: B(&S26), archived: true, source: ToolSource { title: B("diogomonica/actuary — actuary/checks.go at its last commit (2017-09-16)"), url: B("https://github.com/diogomonica/actuary/blob/7cc23f2dde2097edbab5acee3cd7a9ecbe9fd3dc/actuary/checks.go"), note: Some(B("Listed by the seed; unmaintained: its last commit is 7cc23f2 of 2017-09-16, and the EKS Best Practices Guide dropped it on 2021-05-18 (commit e5d2018). It exits when it cannot reach a Docker daemon, so like docker-bench-security it fits ECS on EC2, and EKS self-managed nodes only with a Docker runtime.")), as_of: B("2026-12-01") } },
    Tool { id: B("amazon-inspector"), name: B("Amazon Inspector"), aliases: B(&S27), url: B("https://aws.amazon.com/inspector/"), summary: B("Vulnerability scans of EC2 hosts and ECR images"), checks: B("Scans EC2 instances and container images stored in Amazon ECR for software vulnerabilities; it cannot scan Fargate's hosts."), layers: B(&S28), variants: B(&S29), archived: false, source: ToolSource { title: B("Amazon Inspector User Guide — Scanning Amazon ECR container images with Amazon Inspector"), url: B("https://docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html"), note: Some(B("Listed by the seed as 'AWS Inspector', which in 2020 (now Inspector Classic) assessed EC2 instances only; ECR image scanning came with the relaunched Inspector in November 2021, and ECR's enhanced scanning uses it. It scans EC2 hosts (ECS on EC2, EKS nodes) but not Fargate's, so on the Fargate variants it covers the Container images layer only, and only for images stored in ECR.")), as_of: B("2026-12-01") } },
];

/// The embedded model.
pub(super) fn model() -> Model {
    Model {
        title: B("Who secures what in AWS container services"),
        as_of: B("2026-12-01"),
        note: B("AWS is responsible for security of the cloud; users for security in the cloud; the line varies by service (the seed, EKS Best Practices Guide, Compliance, 2020-04-21). Owners follow the AWS Shared Responsibility Model, the EKS Best Practices Guide and User Guide, the ECS Best Practices Guide and Developer Guide and the ECR User Guide; each cell names its source, each source the date it was read (as_of). An owner is the default case; an explanation names the exceptions (a custom AMI, pod disruption budgets on Fargate, control-plane upgrades the customer starts). 'n/a' means the layer does not apply to that variant. Runtime security, logging and monitoring are the customer's on every compute variant and are part of Cluster / service configuration (on Fargate too, where AWS runs the runtime itself). Newer models are not shown as variants: ECS Managed Instances (AWS patches the instances' OS and replaces them after at most 21 days) and EKS Auto Mode (AWS runs node OS, patching and node capabilities, with a 21-day maximum node lifetime)."),
        sources: B(&S0),
        layers: B(&S1),
        variants: B(&S22),
        tools: B(&S30),
        tools_note: B("The tools and resources named by the seed (EKS Best Practices Guide, Compliance, 2020-04-21). A tool is shown at a layer of a variant only where the customer owns or shares that layer. Each tool's source is the page its layers and variants are taken from, with the date it was read (source.as_of); the note says what that page shows."),
    }
}
