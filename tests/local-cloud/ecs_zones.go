package main

import (
	"encoding/json"
	"slices"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// The region's catalog: every zone sells every listed instance type and disk category, so that
// getZones with any of them returns all zones.
var (
	instanceTypes  = catalogInstanceTypes()
	diskCategories = []string{"cloud_essd", "cloud_efficiency", "cloud_auto", "cloud_ssd", "cloud_essd_entry"}
	resourceTypes  = []string{"VSwitch", "Instance", "Disk", "IoOptimized", "DedicatedHost"}
)

// catalogInstanceTypes: the 6th and 7th generation families c, g and r in four sizes (cn-hangzhou sells them all),
// plus the universal and burstable types the package's examples name.
func catalogInstanceTypes() []string {
	types := []string{"ecs.u1-c1m2.xlarge", "ecs.u1-c1m4.xlarge", "ecs.t6-c1m1.large"}
	for _, family := range []string{"c6", "c7", "g6", "g7", "r6", "r7"} {
		for _, size := range []string{"large", "xlarge", "2xlarge", "4xlarge"} {
			types = append(types, "ecs."+family+"."+size)
		}
	}
	return types
}

func describeAvailableResource(s *Server, c *rpcCall) (any, *apiError) {
	resp := ecs.CreateDescribeAvailableResourceResponse()
	for _, z := range s.zones {
		if c.get("ZoneId") != "" && c.get("ZoneId") != z {
			continue
		}
		zone := ecs.AvailableZone{RegionId: s.region, ZoneId: z, Status: "Available", StatusCategory: "WithStock"}
		var values []string
		switch c.get("DestinationResource") {
		case "Zone":
			values = []string{z}
		case "IoOptimized":
			values = []string{"optimized"}
		case "InstanceType":
			values = instanceTypes
		case "SystemDisk", "DataDisk":
			values = diskCategories
		default:
			values = []string{}
		}
		if it := c.get("InstanceType"); it != "" && !slices.Contains(instanceTypes, it) {
			continue
		}
		res := ecs.AvailableResource{Type: c.get("DestinationResource")}
		for _, v := range values {
			res.SupportedResources.SupportedResource = append(res.SupportedResources.SupportedResource,
				ecs.SupportedResource{Value: v, Status: "Available", StatusCategory: "WithStock"})
		}
		zone.AvailableResources.AvailableResource = []ecs.AvailableResource{res}
		resp.AvailableZones.AvailableZone = append(resp.AvailableZones.AvailableZone, zone)
	}
	if len(resp.AvailableZones.AvailableZone) == 0 {
		return nil, errf(404, "Invalid.ZoneId", "No zone of %s offers the requested resource.", s.region)
	}
	return resp, nil
}

func describeZones(s *Server, _ *rpcCall) (any, *apiError) {
	resp := ecs.CreateDescribeZonesResponse()
	for _, z := range s.zones {
		zone := ecs.Zone{ZoneId: z, LocalName: zoneLocalName(s.region, z), ZoneType: "AvailabilityZone"}
		zone.AvailableInstanceTypes.InstanceTypes = instanceTypes
		zone.AvailableDiskCategories.DiskCategories = diskCategories
		zone.AvailableVolumeCategories.VolumeCategories = diskCategories
		zone.AvailableResourceCreation.ResourceTypes = resourceTypes
		resp.Zones.Zone = append(resp.Zones.Zone, zone)
	}
	return resp, nil
}

// jsonStrings reads a JSON string array parameter (e.g. SecurityGroupIds=["sg-1"]); anything else is one id.
func jsonStrings(v string) []string {
	var out []string
	if json.Unmarshal([]byte(v), &out) != nil {
		return []string{v}
	}
	return out
}
