package main

import (
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/location"
)

// Safety nets for provider start-up: Location DescribeEndpoints points every product at this server,
// and BssOpenApi QueryAvailableInstances answers an empty list (the provider then assumes Domestic).
func init() {
	register("Location", map[string]*rpcAction{
		"DescribeEndpoints": {request: location.DescribeEndpointsRequest{}, required: []string{"Id", "ServiceCode"}, handle: describeEndpoints},
	})
	register("BssOpenApi", map[string]*rpcAction{
		"QueryAvailableInstances": {request: queryAvailableInstancesRequest{}, handle: queryAvailableInstances},
	})
}

func describeEndpoints(s *Server, c *rpcCall) (any, *apiError) {
	resp := location.CreateDescribeEndpointsResponse()
	resp.Success = true
	resp.Endpoints.Endpoint = []location.Endpoint{{Endpoint: s.addr, Id: c.get("Id"), Namespace: "26842",
		SerivceCode: strings.ToLower(c.get("ServiceCode")), Type: orDefault(c.get("Type"), "openAPI")}}
	resp.Endpoints.Endpoint[0].Protocols.Protocols = []string{"HTTPS"}
	return resp, nil
}

// queryAvailableInstancesRequest lists the parameters of BssOpenApi 2017-12-14 QueryAvailableInstances
// (from its API reference) so the call is checked like the others without compiling the whole
// bssopenapi package of the old SDK.
type queryAvailableInstancesRequest struct {
	ProductCode            string `name:"ProductCode"`
	ProductType            string `name:"ProductType"`
	SubscriptionType       string `name:"SubscriptionType"`
	InstanceIDs            string `name:"InstanceIDs"`
	Region                 string `name:"Region"`
	EndTimeStart           string `name:"EndTimeStart"`
	EndTimeEnd             string `name:"EndTimeEnd"`
	CreateTimeStart        string `name:"CreateTimeStart"`
	CreateTimeEnd          string `name:"CreateTimeEnd"`
	RenewStatus            string `name:"RenewStatus"`
	PageNum                string `name:"PageNum"`
	PageSize               string `name:"PageSize"`
	OwnerId                string `name:"OwnerId"`
	ExpiryTimeStart        string `name:"ExpiryTimeStart"`
	ExpiryTimeEnd          string `name:"ExpiryTimeEnd"`
	ResourceOwnerAccount   string `name:"ResourceOwnerAccount"`
	ResourceOwnerId        string `name:"ResourceOwnerId"`
	OwnerAccount           string `name:"OwnerAccount"`
	SubscriptionTypeFilter string `name:"SubscriptionTypeFilter"`
}

type queryAvailableInstancesResponse struct {
	RequestId string `json:"RequestId"`
	Success   bool   `json:"Success"`
	Code      string `json:"Code"`
	Message   string `json:"Message"`
	Data      struct {
		PageNum      int   `json:"PageNum"`
		PageSize     int   `json:"PageSize"`
		TotalCount   int   `json:"TotalCount"`
		InstanceList []any `json:"InstanceList"`
	} `json:"Data"`
}

func queryAvailableInstances(_ *Server, _ *rpcCall) (any, *apiError) {
	resp := &queryAvailableInstancesResponse{Success: true, Code: "Success", Message: "Successful!"}
	resp.Data.PageNum, resp.Data.PageSize = 1, 20
	return resp, nil
}
