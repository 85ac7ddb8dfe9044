package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

type tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// store holds every resource; maps are keyed by id, and order keeps creation order for listings.
type store struct {
	vpcs        map[string]*vpcRes
	vswitches   map[string]*vswitchRes
	sgs         map[string]*sgRes
	nats        map[string]*natRes
	eips        map[string]*eipRes
	snats       map[string]*snatRes
	imageCaches map[string]*imageCacheRes
	clusters    map[string]*clusterRes
	tasks       map[string]*taskRes
	tags        map[string][]tag
	order       []string
	nextIP      map[string]int // per vSwitch: the next host offset handed to a node or ENI
}

func newStore() *store {
	return &store{
		vpcs: map[string]*vpcRes{}, vswitches: map[string]*vswitchRes{}, sgs: map[string]*sgRes{},
		nats: map[string]*natRes{}, eips: map[string]*eipRes{}, snats: map[string]*snatRes{},
		imageCaches: map[string]*imageCacheRes{}, clusters: map[string]*clusterRes{},
		tasks: map[string]*taskRes{}, tags: map[string][]tag{}, nextIP: map[string]int{},
	}
}

// pending is a state that ends at `until` (the "slow" fault); before that the resource shows `state`.
type pending struct {
	state string
	until time.Time
}

func (p *pending) current(final string) string {
	if p != nil && time.Now().Before(p.until) {
		return p.state
	}
	return final
}

type vpcRes struct {
	ID, Name, Description, CidrBlock, VRouterID, RouteTableID, ResourceGroupID string
	Created                                                                    time.Time
	Slow                                                                       *pending
}

type vswitchRes struct {
	ID, VpcID, ZoneID, CidrBlock, Name, Description string
	Created                                         time.Time
	Slow                                            *pending
}

type sgRes struct {
	ID, VpcID, Name, Description, Type, InnerAccessPolicy, ResourceGroupID string
	Created                                                                time.Time
}

type natRes struct {
	ID, VpcID, VSwitchID, Name, Description, Spec, NatType, SnatTableID, ForwardTableID string
	InternetChargeType, InstanceChargeType, NetworkType, EipBindMode, PrivateIP         string
	DeletionProtection, IcmpReplyEnabled, PrivateLinkEnabled                            bool
	Created                                                                             time.Time
	Slow                                                                                *pending
}

type eipRes struct {
	ID, IP, Bandwidth, Name, Description, InternetChargeType, ISP, Netmode, ResourceGroupID string
	InstanceID, InstanceType, PrivateIP, VpcID                                              string
	DeletionProtection                                                                      bool
	Created                                                                                 time.Time
	Slow                                                                                    *pending
}

type snatRes struct {
	ID, TableID, NatID, SnatIP, SourceVSwitchID, SourceCIDR, Name string
	EipAffinity                                                   int
	Slow                                                          *pending
}

type imageCacheRes struct {
	ID, Name, SecurityGroupID, VSwitchID, ZoneID, EipInstanceID, ResourceGroupID string
	Images                                                                       []string
	Size, RetentionDays                                                          int
	Created                                                                      time.Time
	Slow                                                                         *pending
}

func randHex(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)[:n]
}

const idAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

// newID makes ids shaped like the real ones in cn-hangzhou: prefix + "bp1" + 18 lowercase characters.
func newID(prefix string) string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return prefix + "-bp1" + string(b)
}

func newRequestID() string {
	h := strings.ToUpper(randHex(32))
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[:8], h[8:12], h[12:16], h[16:20], h[20:32])
}

func itoa(i int) string { return strconv.Itoa(i) }

func rfc3339(t time.Time) string { return t.Format("2006-01-02T15:04:05Z") }
