package main

import (
	"strconv"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/eci"
)

// ECI 2018-08-08: image caches. A cache is Ready at once (or Creating for a "slow" fault's
// seconds); a fail-task fault on CreateImageCache makes it Failed.
func init() {
	register("Eci", map[string]*rpcAction{
		"CreateImageCache":    {request: eci.CreateImageCacheRequest{}, required: []string{"SecurityGroupId", "VSwitchId", "ImageCacheName", "Image"}, handle: createImageCache},
		"DescribeImageCaches": {request: eci.DescribeImageCachesRequest{}, handle: describeImageCaches},
		"DeleteImageCache":    {request: eci.DeleteImageCacheRequest{}, required: []string{"ImageCacheId"}, handle: deleteImageCache},
	})
}

func createImageCache(s *Server, c *rpcCall) (any, *apiError) {
	sg, e := s.sgOf(c.get("SecurityGroupId"))
	if e != nil {
		return nil, e
	}
	sw, e := s.vswitchOf(c.get("VSwitchId"))
	if e != nil {
		return nil, e
	}
	if sg.VpcID != sw.VpcID {
		return nil, errf(400, "InvalidParameter.VpcMismatch", "Security group %s and vSwitch %s are in different VPCs.", sg.ID, sw.ID)
	}
	size, _ := strconv.Atoi(orDefault(c.get("ImageCacheSize"), "20"))
	days, _ := strconv.Atoi(c.get("RetentionDays"))
	ic := &imageCacheRes{ID: newID("imc"), Name: c.get("ImageCacheName"), SecurityGroupID: sg.ID, VSwitchID: sw.ID,
		ZoneID: orDefault(c.get("ZoneId"), sw.ZoneID), EipInstanceID: c.get("EipInstanceId"), ResourceGroupID: defaultRG(c.get("ResourceGroupId")),
		Images: c.list("Image"), Size: size, RetentionDays: days, Created: now()}
	ic.Slow = s.slowFault("CreateImageCache", "Creating")
	if msg, failed := s.failTask("CreateImageCache"); failed {
		ic.Slow = &pending{state: "Failed", until: time.Now().Add(100 * 365 * 24 * time.Hour)}
		s.event("image cache %s will show Failed: %s", ic.ID, msg)
	}
	s.st.imageCaches[ic.ID] = ic
	s.st.order = append(s.st.order, ic.ID)
	s.event("image cache %s created name=%q images=%v vswitch=%s", ic.ID, ic.Name, ic.Images, sw.ID)
	resp := eci.CreateCreateImageCacheResponse()
	resp.ImageCacheId, resp.ContainerGroupId = ic.ID, "eci-"+ic.ID[4:]
	return resp, nil
}

// describeImageCaches returns a bare array; an unknown id is an empty array, not an error.
func describeImageCaches(s *Server, c *rpcCall) (any, *apiError) {
	resp := eci.CreateDescribeImageCachesResponse()
	for _, id := range s.st.order {
		ic := s.st.imageCaches[id]
		if ic == nil || (c.get("ImageCacheId") != "" && c.get("ImageCacheId") != id) || (c.get("ImageCacheName") != "" && c.get("ImageCacheName") != ic.Name) {
			continue
		}
		item := eci.DescribeImageCachesImageCache0{ContainerGroupId: "eci-" + ic.ID[4:], ImageCacheId: ic.ID, ImageCacheName: ic.Name,
			SnapshotId: "s-" + ic.ID[4:], Progress: "100%", Status: ic.Slow.current("Ready"), CreationTime: rfc3339(ic.Created), Images: ic.Images}
		if ic.RetentionDays > 0 {
			item.ExpireDateTime = rfc3339(ic.Created.AddDate(0, 0, ic.RetentionDays))
		}
		resp.ImageCaches = append(resp.ImageCaches, item)
	}
	return resp, nil
}

func deleteImageCache(s *Server, c *rpcCall) (any, *apiError) {
	id := c.get("ImageCacheId")
	if s.st.imageCaches[id] == nil {
		return nil, notFound("ImageCache.NotFound", "The image cache %q does not exist.", id)
	}
	delete(s.st.imageCaches, id)
	s.event("image cache %s deleted", id)
	return eci.CreateDeleteImageCacheResponse(), nil
}
