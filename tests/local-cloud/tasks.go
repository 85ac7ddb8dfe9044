package main

import (
	"encoding/json"
	"time"

	cs "github.com/alibabacloud-go/cs-20151215/v7/client"
	"github.com/alibabacloud-go/tea/tea"
)

// taskRes is one CS task. A task that changes what runs in the cluster waits for the agent
// (POST /_local/tasks/{id}) when a control plane backs the cluster; others end at once, or after a
// "slow" fault's seconds. done applies the outcome to the resource (cluster running/failed, …).
type taskRes struct {
	ID        string `json:"task_id"`
	State     string `json:"state"`
	Type      string `json:"type"`
	ClusterID string `json:"cluster_id"`
	Resource  string `json:"resource"`
	Agent     bool   `json:"agent"`
	Message   string `json:"message"`
	agentDone bool
	created   time.Time
	updated   time.Time
	until     time.Time
	done      func(s *Server, ok bool, message string)
}

// newTask starts a task for a CS action. agent says whether it changes the cluster's contents.
func (s *Server) newTask(action, typ, clusterID, resource string, agent bool, done func(*Server, bool, string)) *taskRes {
	t := &taskRes{ID: "T-" + randHex(24), State: "running", Type: typ, ClusterID: clusterID, Resource: resource,
		Agent: agent && s.kube.live(), created: time.Now(), updated: time.Now(), done: done}
	s.st.tasks[t.ID] = t
	s.st.order = append(s.st.order, t.ID)
	s.event("task %s %s started for %s (%s)%s", t.ID, typ, resource, clusterID, map[bool]string{true: ", waiting for the agent", false: ""}[t.Agent])
	if msg, failed := s.failTask(action); failed {
		s.finishTask(t, false, msg)
		return t
	}
	if p := s.slowFault(action, "running"); p != nil {
		t.until = p.until
		return t
	}
	if !t.Agent {
		s.finishTask(t, true, "")
	}
	return t
}

func (s *Server) finishTask(t *taskRes, ok bool, message string) {
	if t.State != "running" {
		return
	}
	t.State, t.Message, t.updated = "success", message, time.Now()
	if !ok {
		t.State = "failed"
	}
	s.event("task %s %s %s %s", t.ID, t.Type, t.State, message)
	if t.done != nil {
		t.done(s, ok, message)
	}
}

// settleTasks ends the tasks whose "slow" delay has passed and that do not wait for the agent (or whose agent
// has already done its part).
func (s *Server) settleTasks() {
	for _, t := range s.st.tasks {
		if t.State == "running" && (!t.Agent || t.agentDone) && !t.until.IsZero() && time.Now().After(t.until) {
			s.finishTask(t, true, "")
		}
	}
}

func describeTaskInfo(s *Server, c *roaCall) (any, *apiError) {
	t := s.st.tasks[c.vars["tid"]]
	if t == nil {
		return nil, notFound("ErrorTaskNotFound", "task %s not found", c.vars["tid"])
	}
	body := &cs.DescribeTaskInfoResponseBody{TaskId: tea.String(t.ID), State: tea.String(t.State), TaskType: tea.String(t.Type),
		ClusterId: tea.String(t.ClusterID), Created: tea.String(rfc3339(t.created)), Updated: tea.String(rfc3339(t.updated)),
		CurrentStage: tea.String(t.State), Target: &cs.DescribeTaskInfoResponseBodyTarget{Id: tea.String(t.ClusterID), Type: tea.String("cluster")}}
	if t.State == "failed" {
		body.Error = &cs.DescribeTaskInfoResponseBodyError{Code: tea.String("TaskFailed"), Message: tea.String(t.Message)}
	}
	return body, nil
}

// completeTask is the agent's POST /_local/tasks/{id}: {"state":"success"} or {"state":"failed","message":…}.
func (s *Server) completeTask(id string, body []byte) *apiError {
	t := s.st.tasks[id]
	if t == nil {
		return notFound("ErrorTaskNotFound", "task %s not found", id)
	}
	var req struct {
		State   string `json:"state"`
		Message string `json:"message"`
	}
	dec := json.NewDecoder(bytesReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil || (req.State != "success" && req.State != "failed") {
		return errf(400, "InvalidParameter", `expected {"state":"success"} or {"state":"failed","message":"…"}`)
	}
	if t.State != "running" {
		return errf(409, "TaskNotRunning", "task %s is already %s", id, t.State)
	}
	// A "slow" task stays running for its seconds even once the agent has done its part.
	if req.State == "success" && time.Now().Before(t.until) {
		t.agentDone = true
		return nil
	}
	s.finishTask(t, req.State == "success", req.Message)
	return nil
}
