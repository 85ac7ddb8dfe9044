package main

import (
	"context"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"knative.dev/pkg/logging"
)

// baseContext carries a logger that writes Knative's warnings and errors to stderr (its info lines,
// one per admission request, would drown them).
func baseContext() context.Context {
	enc := zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig())
	core := zapcore.NewCore(enc, zapcore.Lock(os.Stderr), zapcore.WarnLevel)
	return logging.WithLogger(context.Background(), zap.New(core).Sugar())
}
